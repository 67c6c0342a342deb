import {
  PDFArray,
  PDFBool,
  PDFContext,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFNull,
  PDFNumber,
  PDFObjectParser,
  PDFRef,
  type PDFObject,
} from '@cantoo/pdf-lib';
import { decodeStructural } from '../read/decode.ts';
import { ObjectParser, parseIndirect } from '../read/parse-object.ts';
import { PdfName, PdfRef, PdfStream, PdfString, isArray, type PdfValue } from '../read/values.ts';
import { readXrefChain } from '../read/xref.ts';

/**
 * Opens a PDF without parsing all of it. pdf-lib parses every object of the file up front,
 * which dominates signing time on long documents although a signature touches a handful of
 * objects. Here the cross-reference data is read first and each object is parsed the first
 * time pdf-lib looks it up. Anything unexpected makes it return undefined, and the caller
 * falls back to pdf-lib's full parse, so this is purely a fast path.
 */

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

/** One of our values as a pdf-lib object in `context` (for the trailer entries pdf-lib keeps). */
function toPdfLib(value: PdfValue, context: PDFContext): PDFObject {
  if (value === null) {
    return PDFNull;
  }
  if (typeof value === 'boolean') {
    return value ? PDFBool.True : PDFBool.False;
  }
  if (typeof value === 'number') {
    return PDFNumber.of(value);
  }
  if (value instanceof PdfName) {
    return PDFName.of(value.name);
  }
  if (value instanceof PdfString) {
    return PDFHexString.of(Buffer.from(value.bytes).toString('hex'));
  }
  if (value instanceof PdfRef) {
    return PDFRef.of(value.num, value.gen);
  }
  if (isArray(value)) {
    const array = PDFArray.withContext(context);
    for (const item of value) {
      array.push(toPdfLib(item, context));
    }
    return array;
  }
  const dict = PDFDict.withContext(context);
  for (const [key, item] of (value instanceof PdfStream ? value.dict : value).map) {
    dict.set(PDFName.of(key), toPdfLib(item, context));
  }
  return dict;
}

/** The decoded object stream at `offset` and where each member starts. */
function objectStreamAt(bytes: Uint8Array, offset: number): { data: Uint8Array; offsets: number[] } {
  const container = parseIndirect(bytes, offset).value;
  if (!(container instanceof PdfStream)) {
    throw new Error('missing object stream');
  }
  const data = decodeStructural(container);
  const n = container.dict.get('N');
  const first = container.dict.get('First');
  if (typeof n !== 'number' || typeof first !== 'number') {
    throw new Error('bad object stream');
  }
  const header = new ObjectParser(data.subarray(0, first), 0);
  const offsets: number[] = [];
  for (let i = 0; i < n; i += 1) {
    header.value(); // the member's object number
    offsets.push(first + Number(header.value()));
  }
  return { data, offsets };
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
    // The cross-reference data, read by the verifier's reader (tables, streams, hybrids, /Prev).
    const { entries, trailer } = readXrefChain(bytes, startXref);
    // Encrypted files take pdf-lib's path, which reports them (objects here would be ciphertext).
    if (trailer.has('Encrypt')) {
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
        const container = entries.get(entry.stream);
        if (container === undefined || container === null || container.kind !== 'at') {
          throw new Error('missing object stream');
        }
        objstm = objectStreamAt(bytes, container.offset);
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

    for (const key of ['Root', 'Info', 'ID'] as const) {
      const value = trailer.get(key);
      if (value !== undefined) {
        context.trailerInfo[key] = toPdfLib(value, context);
      }
    }
    const size = trailer.get('Size');
    context.largestObjectNumber = Math.max(0, (typeof size === 'number' ? size : 0) - 1);

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
