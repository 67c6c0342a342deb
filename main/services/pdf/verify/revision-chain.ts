import {
  PDFArray,
  PDFContext,
  PDFDict,
  PDFDocument,
  PDFParser,
  PDFRawStream,
  ParseSpeeds,
  type PDFObject,
  type PDFRef,
} from '@cantoo/pdf-lib';
import { describeDocument, loadRevision, type PdfModel } from './pdf-model.ts';

/** PDFDocument's constructor is private in the typings but is how `load` wraps a parsed context. */
type DocumentFromContext = new (context: PDFContext, ignoreEncryption: boolean, updateMetadata: boolean) => PDFDocument;

const HEADER = Buffer.from('%PDF-1.7\n', 'latin1');

/**
 * A copy of an object bound to `context`: pdf-lib dictionaries and arrays resolve references
 * through the context they were parsed into, so a later revision needs its own copies.
 * Stream bytes and leaf values are shared (nothing here mutates them).
 */
function rebind(obj: PDFObject, context: PDFContext): PDFObject {
  if (obj instanceof PDFRawStream) {
    return PDFRawStream.of(rebind(obj.dict, context) as PDFDict, obj.getContents());
  }
  if (obj instanceof PDFDict) {
    const copy = obj.clone(context);
    for (const [key, value] of copy.entries()) {
      if (value instanceof PDFDict || value instanceof PDFArray) {
        copy.set(key, rebind(value, context));
      }
    }
    return copy;
  }
  if (obj instanceof PDFArray) {
    const copy = obj.clone(context);
    for (let i = 0; i < copy.size(); i++) {
      const value = copy.get(i);
      if (value instanceof PDFDict || value instanceof PDFArray) {
        copy.set(i, rebind(value, context));
      }
    }
    return copy;
  }
  return obj;
}

type ObjectMap = Map<PDFRef, PDFObject>;

function objectsOf(context: PDFContext): ObjectMap {
  return (context as unknown as { indirectObjects: ObjectMap }).indirectObjects;
}

/**
 * The objects of a later revision: what its update defines, over the previous revision's objects,
 * which are rebound to this revision's context only when first looked up. Copying every object
 * of a 200-page file eagerly was a third of the verification time; most are never looked at.
 */
class OverlayObjects extends Map<PDFRef, PDFObject> {
  readonly previous: ObjectMap;
  readonly context: PDFContext;
  readonly deleted = new Set<PDFRef>();

  constructor(previous: ObjectMap, context: PDFContext) {
    super();
    this.previous = previous;
    this.context = context;
  }

  override get(ref: PDFRef): PDFObject | undefined {
    const own = super.get(ref);
    if (own !== undefined || this.deleted.has(ref)) {
      return own;
    }
    const old = this.previous.get(ref);
    if (old === undefined) {
      return undefined;
    }
    const copy = rebind(old, this.context);
    super.set(ref, copy);
    return copy;
  }

  override has(ref: PDFRef): boolean {
    return super.has(ref) || (!this.deleted.has(ref) && this.previous.has(ref));
  }

  override set(ref: PDFRef, obj: PDFObject): this {
    this.deleted.delete(ref);
    return super.set(ref, obj);
  }

  override delete(ref: PDFRef): boolean {
    const had = this.has(ref);
    this.deleted.add(ref);
    return super.delete(ref) || had;
  }

  /** Every reference of the revision, without rebinding anything. */
  override keys(): MapIterator<PDFRef> {
    const refs = new Set(super.keys());
    for (const ref of this.previous.keys()) {
      if (!this.deleted.has(ref)) {
        refs.add(ref);
      }
    }
    return refs.values();
  }

  /** pdf-lib's whole-context scans (enumerateIndirectObjects and the like) see every object. */
  override entries(): MapIterator<[PDFRef, PDFObject]> {
    const all: Array<[PDFRef, PDFObject]> = [];
    for (const ref of this.keys()) {
      all.push([ref, this.get(ref) as PDFObject]);
    }
    return all.values();
  }

  override [Symbol.iterator](): MapIterator<[PDFRef, PDFObject]> {
    return this.entries();
  }

  override forEach(fn: (value: PDFObject, key: PDFRef, map: Map<PDFRef, PDFObject>) => void): void {
    for (const [ref, obj] of this.entries()) {
      fn(obj, ref, this);
    }
  }

  override get size(): number {
    let n = 0;
    for (const _ of this.keys()) {
      n++;
    }
    return n;
  }
}

/** The references of a revision, without materialising lazily rebound objects. */
export function refsOf(context: PDFContext): Iterable<PDFRef> {
  return { [Symbol.iterator]: () => objectsOf(context).keys() };
}

/**
 * Models of the file as it was at each of `ends` (signed revisions, then the whole file), in one
 * pass over the bytes: the first prefix is parsed, then each later segment is parsed into a copy
 * of the previous revision's objects, exactly as an incremental update overrides them. If a
 * segment cannot be read on its own, each revision is parsed whole instead (slower, same result).
 */
export async function loadRevisionChain(bytes: Uint8Array, ends: readonly number[]): Promise<Map<number, PdfModel>> {
  const sorted = [...new Set(ends)].sort((a, b) => a - b);
  const models = new Map<number, PdfModel>();
  // Only cut at real revision ends ("%%EOF" just before): a segment starting mid-object would
  // be parsed leniently into a wrong model instead of failing.
  const clean = sorted.every((end) => Buffer.from(bytes.subarray(Math.max(0, end - 40), end)).includes('%%EOF'));
  try {
    if (!clean) {
      throw new Error('a signed range does not end at a revision boundary');
    }
    let previous: PDFContext | null = null;
    let start = 0;
    for (const end of sorted) {
      const parser = PDFParser.forBytesWithOptions(
        previous === null ? bytes.subarray(0, end) : Buffer.concat([HEADER, bytes.subarray(start, end)]),
        ParseSpeeds.Fastest,
        false,
      );
      if (previous !== null) {
        const context = PDFContext.create();
        (context as unknown as { indirectObjects: ObjectMap }).indirectObjects = new OverlayObjects(
          objectsOf(previous),
          context,
        );
        context.trailerInfo = { ...previous.trailerInfo };
        context.largestObjectNumber = previous.largestObjectNumber;
        (parser as unknown as { context: PDFContext }).context = context;
      }
      const context = await parser.parseDocument();
      models.set(end, describeDocument(new (PDFDocument as unknown as DocumentFromContext)(context, true, false)));
      previous = context;
      start = end;
    }
    return models;
  } catch {
    models.clear();
    for (const end of sorted) {
      models.set(end, await loadRevision(bytes.subarray(0, end)));
    }
    return models;
  }
}
