import { PDFDocument, type PDFRef, type PDFContext, type PDFObject } from '@cantoo/pdf-lib';
import { signFailure } from './fail.ts';
import { loadLazy } from './lazy-load.ts';
import { readXrefInfo, type XrefInfo } from './xref-info.ts';
import { writeXrefSection } from './xref-writer.ts';

/**
 * One incremental update under construction. pdf-lib is used to parse the file and to build and
 * serialise single objects; this class decides what gets written. Only objects explicitly
 * marked as changed and objects created after opening are emitted, so an unchanged Catalog or
 * page is never re-written (pitfalls P1, P2) and the original bytes stay as they are.
 */
export class Increment {
  readonly doc: PDFDocument;
  readonly context: PDFContext;
  readonly base: Uint8Array;
  readonly xref: XrefInfo;
  private readonly changed = new Set<PDFRef>();
  private readonly raw = new Map<PDFRef, Uint8Array>();

  private constructor(doc: PDFDocument, base: Uint8Array, xref: XrefInfo) {
    this.doc = doc;
    this.context = doc.context;
    this.base = base;
    this.xref = xref;
    // New objects are numbered from the trailer's /Size; pdf-lib's own count misses
    // object streams and xref streams (P6).
    this.context.largestObjectNumber = Math.max(this.context.largestObjectNumber, xref.size - 1);
  }

  static async open(bytes: Uint8Array): Promise<Increment> {
    const xref = readXrefInfo(bytes);
    let doc: PDFDocument | undefined = loadLazy(bytes, xref.startXref);
    if (doc === undefined) {
      try {
        doc = await PDFDocument.load(bytes, {
          ignoreEncryption: true,
          updateMetadata: false,
          throwOnInvalidObject: false,
          // Parse in one go: the default yields to the event loop every 100 objects.
          parseSpeed: Number.POSITIVE_INFINITY,
        });
      } catch (error) {
        throw signFailure('PDF_MALFORMED', error instanceof Error ? error.message : undefined);
      }
    }
    if (doc.isEncrypted || doc.context.trailerInfo.Encrypt !== undefined) {
      throw signFailure('PDF_ENCRYPTED');
    }
    return new Increment(doc, bytes, xref);
  }

  /** Records that an existing object was modified in place and must be re-emitted. */
  markChanged(ref: PDFRef): void {
    this.changed.add(ref);
  }

  /** Registers a new object and returns its reference (numbered after the base /Size). */
  register(object: PDFObject): PDFRef {
    return this.context.register(object);
  }

  /** Reserves a reference whose bytes are written verbatim (the signature dictionary). */
  registerRaw(bytes: Uint8Array): PDFRef {
    const ref = this.context.nextRef();
    this.raw.set(ref, bytes);
    return ref;
  }

  /**
   * Serialises the increment: changed and new objects, an xref section of the base file's kind
   * and a trailer chained to the previous one with /Prev. Returns the bytes to append and the
   * offset (from the start of the appended bytes) of each raw object.
   */
  build(): { bytes: Uint8Array; rawOffsets: Map<PDFRef, number> } {
    const refs = new Set<PDFRef>(this.changed);
    for (const [ref] of this.context.enumerateIndirectObjects()) {
      if (ref.objectNumber >= this.xref.size) {
        refs.add(ref);
      }
    }
    for (const ref of this.raw.keys()) {
      refs.add(ref);
    }
    const ordered = [...refs].sort((a, b) => a.objectNumber - b.objectNumber);

    const chunks: Uint8Array[] = [];
    let length = 0;
    const push = (chunk: Uint8Array): void => {
      chunks.push(chunk);
      length += chunk.length;
    };
    const last = this.base[this.base.length - 1];
    if (last !== 0x0a && last !== 0x0d) {
      push(ascii('\n'));
    }

    const offsets = new Map<PDFRef, number>();
    const rawOffsets = new Map<PDFRef, number>();
    for (const ref of ordered) {
      offsets.set(ref, this.base.length + length);
      push(ascii(`${ref.objectNumber} ${ref.generationNumber} obj\n`));
      const raw = this.raw.get(ref);
      if (raw !== undefined) {
        rawOffsets.set(ref, length);
        push(raw);
      } else {
        const object = this.context.lookup(ref);
        if (object === undefined) {
          throw signFailure('INTERNAL', `object ${ref.toString()} vanished`);
        }
        const buffer = new Uint8Array(object.sizeInBytes());
        object.copyBytesInto(buffer, 0);
        push(buffer);
      }
      push(ascii('\nendobj\n'));
    }

    const trailer = this.context.trailerInfo;
    const section = writeXrefSection({
      kind: this.xref.kind,
      offset: this.base.length + length,
      entries: ordered.map((ref) => ({ ref, offset: offsets.get(ref) ?? 0 })),
      size: Math.max(this.xref.size, this.context.largestObjectNumber + 1),
      prev: this.xref.startXref,
      root: trailer.Root,
      info: trailer.Info,
      id: trailer.ID,
    });
    push(section);

    const bytes = new Uint8Array(length);
    let at = 0;
    for (const chunk of chunks) {
      bytes.set(chunk, at);
      at += chunk.length;
    }
    return { bytes, rawOffsets };
  }
}

export function ascii(text: string): Uint8Array {
  return Buffer.from(text, 'latin1');
}
