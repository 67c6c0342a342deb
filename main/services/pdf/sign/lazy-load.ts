import { inflateSync } from 'node:zlib';
import {
  PDFArray,
  PDFContext,
  PDFDict,
  PDFDocument,
  PDFName,
  PDFNumber,
  PDFObjectParser,
  PDFRawStream,
  PDFRef,
  type PDFObject,
} from '@cantoo/pdf-lib';
import { unpredict } from '../read/predictor.ts';

/**
 * Opens a PDF without parsing all of it. pdf-lib parses every object of the file up front,
 * which dominates signing time on long documents although a signature touches a handful of
 * objects. Here the cross-reference data is read first and each object is parsed the first
 * time pdf-lib looks it up. Anything unexpected makes it return undefined, and the caller
 * falls back to pdf-lib's full parse, so this is purely a fast path.
 */

type Entry =
  | { readonly kind: 'at'; readonly offset: number }
  | { readonly kind: 'in'; readonly stream: number; readonly index: number };

const latin1 = new TextDecoder('latin1');

class LazyObjects extends Map<PDFRef, PDFObject> {
  private loader: ((ref: PDFRef) => PDFObject | undefined) | undefined;
  private readonly tried = new Set<PDFRef>();

  setLoader(loader: (ref: PDFRef) => PDFObject | undefined): void {
    this.loader = loader;
  }

  override get(ref: PDFRef): PDFObject | undefined {
    const known = super.get(ref);
    if (known !== undefined || this.loader === undefined || this.tried.has(ref)) {
      return known;
    }
    this.tried.add(ref);
    const object = this.loader(ref);
    if (object !== undefined) {
      super.set(ref, object);
    }
    return object;
  }
}

function parseAt(bytes: Uint8Array, offset: number, context: PDFContext): PDFObject {
  return PDFObjectParser.forBytes(bytes.subarray(offset), context).parseObject();
}

/** Offset just after "N G obj", checking that the object there is the one expected. */
function bodyOffset(bytes: Uint8Array, offset: number, objectNumber?: number): number {
  const head = latin1.decode(bytes.subarray(offset, Math.min(bytes.length, offset + 48)));
  const match = /^\s*(\d+)\s+(\d+)\s+obj\b/.exec(head);
  if (match === null || (objectNumber !== undefined && Number(match[1]) !== objectNumber)) {
    throw new Error(`no object ${objectNumber ?? ''} at ${offset}`);
  }
  return offset + match[0].length;
}

function num(dict: PDFDict, key: string): number | undefined {
  const value = dict.get(PDFName.of(key));
  return value instanceof PDFNumber ? value.asNumber() : undefined;
}

function flateContents(stream: PDFRawStream): Uint8Array {
  const filter = stream.dict.get(PDFName.of('Filter'));
  const raw = stream.getContents();
  if (filter === undefined) {
    return raw;
  }
  const name = filter instanceof PDFArray && filter.size() === 1 ? filter.get(0) : filter;
  if (!(name instanceof PDFName) || name.decodeText() !== 'FlateDecode') {
    throw new Error('unsupported filter');
  }
  return inflateSync(raw);
}

function readXrefStream(stream: PDFRawStream, entries: Map<number, Entry | null>): void {
  const dict = stream.dict;
  const w = dict.lookup(PDFName.of('W'));
  if (!(w instanceof PDFArray) || w.size() !== 3) {
    throw new Error('bad /W');
  }
  const widths = w.asArray().map((v) => (v instanceof PDFNumber ? v.asNumber() : 0)) as [number, number, number];
  const parms = dict.lookup(PDFName.of('DecodeParms'));
  const data =
    parms instanceof PDFDict
      ? unpredict(flateContents(stream), num(parms, 'Predictor') ?? 1, num(parms, 'Columns') ?? 1)
      : flateContents(stream);
  const index = dict.lookup(PDFName.of('Index'));
  const ranges =
    index instanceof PDFArray
      ? index.asArray().map((v) => (v instanceof PDFNumber ? v.asNumber() : 0))
      : [0, num(dict, 'Size') ?? 0];
  const rowLength = widths[0] + widths[1] + widths[2];
  const field = (at: number, width: number): number => {
    let value = 0;
    for (let i = 0; i < width; i += 1) {
      value = value * 256 + (data[at + i] ?? 0);
    }
    return value;
  };
  let row = 0;
  for (let r = 0; r + 1 < ranges.length; r += 2) {
    const first = ranges[r] ?? 0;
    const count = ranges[r + 1] ?? 0;
    for (let i = 0; i < count; i += 1, row += 1) {
      const at = row * rowLength;
      if (at + rowLength > data.length) {
        throw new Error('xref stream too short');
      }
      const type = widths[0] === 0 ? 1 : field(at, widths[0]);
      const a = field(at + widths[0], widths[1]);
      const b = field(at + widths[0] + widths[1], widths[2]);
      const objectNumber = first + i;
      if (entries.has(objectNumber)) {
        continue;
      } // a newer section already said where it is
      if (type === 1) {
        entries.set(objectNumber, { kind: 'at', offset: a });
      } else if (type === 2) {
        entries.set(objectNumber, { kind: 'in', stream: a, index: b });
      } else {
        entries.set(objectNumber, null);
      }
    }
  }
}

function readTable(bytes: Uint8Array, offset: number, entries: Map<number, Entry | null>): number {
  // Returns the offset of the trailer dictionary.
  let at = offset + 4;
  const text = (from: number, to: number): string => latin1.decode(bytes.subarray(from, to));
  for (;;) {
    const line = /^\s*(\d+)\s+(\d+)[ \t]*\r?\n?/.exec(text(at, at + 40));
    if (line === null) {
      break;
    }
    const first = Number(line[1]);
    const count = Number(line[2]);
    at += line[0].length;
    const block = text(at, at + count * 20 + 40);
    const rows = block.match(/(\d{10}) (\d{5}) ([nf])[ \r\n]{1,2}/g) ?? [];
    if (rows.length < count) {
      throw new Error('short xref subsection');
    }
    let used = 0;
    for (let i = 0; i < count; i += 1) {
      const row = rows[i] ?? '';
      used += row.length;
      const objectNumber = first + i;
      if (entries.has(objectNumber)) {
        continue;
      }
      entries.set(objectNumber, row[17] === 'n' ? { kind: 'at', offset: Number(row.slice(0, 10)) } : null);
    }
    at += used;
  }
  const trailer = text(at, at + 16).indexOf('trailer');
  if (trailer < 0) {
    throw new Error('no trailer after xref table');
  }
  return at + trailer + 'trailer'.length;
}

const FORM_KEYS = ['Fields', 'Kids', 'V', 'Reference', 'TransformParams', 'DocMDP', 'DR', 'Font', 'Rect', 'Lock'];

function touch(context: PDFContext, value: PDFObject | undefined, depth: number): void {
  if (value === undefined || depth > 12) {
    return;
  }
  const object = value instanceof PDFRef ? context.lookup(value) : value;
  if (object instanceof PDFArray) {
    for (const item of object.asArray()) {
      touch(context, item, depth + 1);
    }
  } else if (object instanceof PDFDict) {
    for (const key of FORM_KEYS) {
      touch(context, object.get(PDFName.of(key)), depth + 1);
    }
  }
}

export function loadLazy(bytes: Uint8Array, startXref: number): PDFDocument | undefined {
  try {
    const context = PDFContext.create();
    const entries = new Map<number, Entry | null>();
    let newest: PDFDict | undefined;
    const seen = new Set<number>();
    let offset: number | undefined = startXref;
    while (offset !== undefined) {
      if (seen.has(offset) || offset <= 0 || offset >= bytes.length) {
        throw new Error('bad /Prev chain');
      }
      seen.add(offset);
      let trailer: PDFDict;
      if (latin1.decode(bytes.subarray(offset, offset + 4)) === 'xref') {
        const parsed = parseAt(bytes, readTable(bytes, offset, entries), context);
        if (!(parsed instanceof PDFDict)) {
          throw new Error('bad trailer');
        }
        trailer = parsed;
        const hybrid = num(trailer, 'XRefStm');
        if (hybrid !== undefined) {
          const stream = parseAt(bytes, bodyOffset(bytes, hybrid), context);
          if (!(stream instanceof PDFRawStream)) {
            throw new Error('bad /XRefStm');
          }
          readXrefStream(stream, entries);
        }
      } else {
        const stream = parseAt(bytes, bodyOffset(bytes, offset), context);
        if (!(stream instanceof PDFRawStream)) {
          throw new Error('xref is not a stream');
        }
        readXrefStream(stream, entries);
        trailer = stream.dict;
      }
      newest ??= trailer;
      offset = num(trailer, 'Prev');
    }
    // Encrypted files take pdf-lib's path, which reports them (objects here would be ciphertext).
    if (newest === undefined || newest.has(PDFName.of('Encrypt'))) {
      return undefined;
    }

    const objectStreams = new Map<number, { data: Uint8Array; offsets: number[] }>();
    const load = (ref: PDFRef): PDFObject | undefined => {
      const entry = entries.get(ref.objectNumber);
      if (entry === undefined || entry === null) {
        return undefined;
      }
      if (entry.kind === 'at') {
        return parseAt(bytes, bodyOffset(bytes, entry.offset, ref.objectNumber), context);
      }
      let objstm = objectStreams.get(entry.stream);
      if (objstm === undefined) {
        const container = context.lookup(PDFRef.of(entry.stream));
        if (!(container instanceof PDFRawStream)) {
          throw new Error('missing object stream');
        }
        const data = flateContents(container);
        const n = num(container.dict, 'N') ?? 0;
        const first = num(container.dict, 'First') ?? 0;
        const header = latin1.decode(data.subarray(0, first)).trim().split(/\s+/).map(Number);
        const offsets: number[] = [];
        for (let i = 0; i < n; i += 1) {
          offsets.push(first + (header[i * 2 + 1] ?? 0));
        }
        objstm = { data, offsets };
        objectStreams.set(entry.stream, objstm);
      }
      const at = objstm.offsets[entry.index];
      if (at === undefined) {
        throw new Error('object stream index out of range');
      }
      return parseAt(objstm.data, at, context);
    };
    const objects = new LazyObjects();
    objects.setLoader(load);
    (context as unknown as { indirectObjects: Map<PDFRef, PDFObject> }).indirectObjects = objects;

    for (const key of ['Root', 'Info', 'ID', 'Encrypt'] as const) {
      const value = newest.get(PDFName.of(key));
      if (value !== undefined) {
        context.trailerInfo[key] = value;
      }
    }
    const size = num(newest, 'Size') ?? 0;
    context.largestObjectNumber = Math.max(0, size - 1);

    type DocumentConstructor = new (
      context: PDFContext,
      ignoreEncryption: boolean,
      updateMetadata: boolean,
    ) => PDFDocument;
    context.isDecrypted = false;
    const doc = new (PDFDocument as unknown as DocumentConstructor)(context, true, false);
    // Touch what every operation reads (pages, the form tree, certification); a broken file
    // shows here and takes the slow path instead of failing half-way through an operation.
    const pages = doc.catalog instanceof PDFDict ? doc.catalog.lookup(PDFName.of('Pages')) : undefined;
    if (!(pages instanceof PDFDict) || !(pages.lookup(PDFName.of('Kids')) instanceof PDFArray)) {
      return undefined;
    }
    touch(context, doc.catalog.get(PDFName.of('AcroForm')), 0);
    touch(context, doc.catalog.get(PDFName.of('Perms')), 0);
    return doc;
  } catch {
    return undefined;
  }
}
