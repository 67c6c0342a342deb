import {
  PDFArray,
  PDFContext,
  PDFDict,
  PDFDocument,
  PDFParser,
  PDFRawStream,
  ParseSpeeds,
  type PDFObject,
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
  if (obj instanceof PDFRawStream) return PDFRawStream.of(rebind(obj.dict, context) as PDFDict, obj.getContents());
  if (obj instanceof PDFDict) {
    const copy = obj.clone(context);
    for (const [key, value] of copy.entries()) {
      if (value instanceof PDFDict || value instanceof PDFArray) copy.set(key, rebind(value, context));
    }
    return copy;
  }
  if (obj instanceof PDFArray) {
    const copy = obj.clone(context);
    for (let i = 0; i < copy.size(); i++) {
      const value = copy.get(i);
      if (value instanceof PDFDict || value instanceof PDFArray) copy.set(i, rebind(value, context));
    }
    return copy;
  }
  return obj;
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
    if (!clean) throw new Error('a signed range does not end at a revision boundary');
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
        for (const [ref, obj] of previous.enumerateIndirectObjects()) context.assign(ref, rebind(obj, context));
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
    for (const end of sorted) models.set(end, await loadRevision(bytes.subarray(0, end)));
    return models;
  }
}
