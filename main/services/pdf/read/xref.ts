import { decodeStructural } from './decode.ts';
import { ObjectParser, PdfSyntaxError, parseIndirect, parseValueAt } from './parse-object.ts';
import { PdfDict, PdfStream, isArray, type PdfValue } from './values.ts';

export type XrefEntry =
  | { readonly kind: 'at'; readonly offset: number; readonly gen: number }
  | { readonly kind: 'in'; readonly stream: number; readonly index: number };

export interface XrefIndex {
  /** Object number → where it is; null for a free entry (deleted by a later update). */
  readonly entries: ReadonlyMap<number, XrefEntry | null>;
  readonly trailer: PdfDict;
  /** True when the cross-reference data was unreadable and objects were found by scanning. */
  readonly reconstructed: boolean;
}

const MAX_SECTIONS = 4096;
const MAX_OBJECT_NUMBER = 8_388_607; // ISO 32000-1 Annex C

/** The offset after the last "startxref" in the bytes, or undefined. */
export function findStartXref(bytes: Uint8Array): number | undefined {
  const tailStart = Math.max(0, bytes.length - 2048);
  const tail = Buffer.from(bytes.buffer, bytes.byteOffset + tailStart, bytes.length - tailStart).toString('latin1');
  const at = tail.lastIndexOf('startxref');
  if (at < 0) {
    return undefined;
  }
  const m = /^startxref\s+(\d{1,15})/.exec(tail.slice(at));
  const offset = m === null ? Number.NaN : Number(m[1]);
  return Number.isSafeInteger(offset) && offset > 0 && offset < bytes.length ? offset : undefined;
}

function int(value: PdfValue | undefined): number | undefined {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : undefined;
}

/** Reads one classic table at `offset` ("xref" keyword) into `entries`; returns its trailer. */
function readTable(bytes: Uint8Array, offset: number, entries: Map<number, XrefEntry | null>): PdfDict {
  const p = new ObjectParser(bytes, offset + 4);
  for (;;) {
    p.skipSpace();
    if (bytes[p.pos] === 0x74 /* t */) {
      break;
    }
    const first = int(p.value());
    const count = int(p.value());
    if (first === undefined || count === undefined || first + count > MAX_OBJECT_NUMBER) {
      throw new PdfSyntaxError('bad xref subsection header');
    }
    for (let i = 0; i < count; i++) {
      const where = int(p.value());
      const gen = int(p.value());
      p.skipSpace();
      const kind = p.keyword();
      if (where === undefined || gen === undefined || (kind !== 'n' && kind !== 'f')) {
        throw new PdfSyntaxError('bad xref row');
      }
      const num = first + i;
      // Sections are read newest first: an entry already known is newer.
      if (!entries.has(num)) {
        entries.set(num, kind === 'n' ? { kind: 'at', offset: where, gen } : null);
      }
    }
  }
  if (p.keyword() !== 'trailer') {
    throw new PdfSyntaxError('no trailer after xref table');
  }
  const trailer = p.value();
  if (!(trailer instanceof PdfDict)) {
    throw new PdfSyntaxError('trailer is not a dictionary');
  }
  return trailer;
}

/** Reads one cross-reference stream (PDF 1.5) into `entries`. */
function readXrefStream(stream: PdfStream, entries: Map<number, XrefEntry | null>): void {
  const w = stream.dict.get('W');
  const widths = isArray(w) ? w.map(int) : [];
  const [w0, w1, w2] = widths;
  if (widths.length !== 3 || w0 === undefined || w1 === undefined || w2 === undefined || w0 + w1 + w2 > 32) {
    throw new PdfSyntaxError('bad /W');
  }
  const data = decodeStructural(stream);
  const index = stream.dict.get('Index');
  const ranges = isArray(index) ? index.map((v) => int(v) ?? 0) : [0, int(stream.dict.get('Size')) ?? 0];
  const rowLength = w0 + w1 + w2;
  const field = (at: number, width: number): number => {
    let value = 0;
    for (let i = 0; i < width; i++) {
      value = value * 256 + (data[at + i] ?? 0);
    }
    return value;
  };
  let row = 0;
  for (let r = 0; r + 1 < ranges.length; r += 2) {
    const first = ranges[r] ?? 0;
    const count = ranges[r + 1] ?? 0;
    if (first + count > MAX_OBJECT_NUMBER) {
      throw new PdfSyntaxError('bad /Index');
    }
    for (let i = 0; i < count; i++, row++) {
      const at = row * rowLength;
      if (at + rowLength > data.length) {
        throw new PdfSyntaxError('xref stream too short');
      }
      const type = w0 === 0 ? 1 : field(at, w0);
      const a = field(at + w0, w1);
      const b = field(at + w0 + w1, w2);
      const num = first + i;
      if (entries.has(num)) {
        continue;
      }
      if (type === 1) {
        entries.set(num, { kind: 'at', offset: a, gen: b });
      } else if (type === 2) {
        entries.set(num, { kind: 'in', stream: a, index: b });
      } else if (type === 0) {
        entries.set(num, null);
      } // other types are reserved: ignored, as the standard says
    }
  }
}

function isKeywordAt(bytes: Uint8Array, offset: number, word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    if (bytes[offset + i] !== word.charCodeAt(i)) {
      return false;
    }
  }
  return true;
}

/**
 * The cross-reference data of the revision ending where `bytes` ends, following /Prev back to
 * the first revision (tables, streams and hybrid files). Throws PdfSyntaxError when it is
 * damaged; the caller then reconstructs.
 */
export function readXrefChain(bytes: Uint8Array, startXref: number): XrefIndex {
  const entries = new Map<number, XrefEntry | null>();
  let newest: PdfDict | undefined;
  const seen = new Set<number>();
  let offset: number | undefined = startXref;
  while (offset !== undefined) {
    if (seen.has(offset) || seen.size >= MAX_SECTIONS || offset <= 0 || offset >= bytes.length) {
      throw new PdfSyntaxError('bad /Prev chain');
    }
    seen.add(offset);
    // Some writers point startxref at the whitespace before "xref".
    let at = offset;
    while (at < bytes.length && at < offset + 16 && (bytes[at] === 10 || bytes[at] === 13 || bytes[at] === 32)) {
      at++;
    }
    let trailer: PdfDict;
    if (isKeywordAt(bytes, at, 'xref')) {
      trailer = readTable(bytes, at, entries);
      const hybrid = int(trailer.get('XRefStm'));
      if (hybrid !== undefined) {
        const stream = parseIndirect(bytes, hybrid).value;
        if (!(stream instanceof PdfStream)) {
          throw new PdfSyntaxError('bad /XRefStm');
        }
        readXrefStream(stream, entries);
      }
    } else {
      const stream = parseIndirect(bytes, at).value;
      if (!(stream instanceof PdfStream) || stream.dict.name('Type') !== 'XRef') {
        throw new PdfSyntaxError('startxref does not point to cross-reference data');
      }
      readXrefStream(stream, entries);
      trailer = stream.dict;
    }
    newest ??= trailer;
    offset = int(trailer.get('Prev'));
  }
  if (newest === undefined) {
    throw new PdfSyntaxError('no trailer');
  }
  return { entries, trailer: newest, reconstructed: false };
}

/**
 * What a viewer does with a file whose cross-reference data is broken: find every "n g obj"
 * in the bytes (the last definition of a number wins, as in an incremental update), add the
 * members of object streams not defined directly, and take the last trailer that names a /Root.
 */
export function reconstructXref(bytes: Uint8Array): XrefIndex {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  const entries = new Map<number, XrefEntry | null>();
  const objectStreams: Array<{ num: number; stream: PdfStream }> = [];
  let trailer: PdfDict | undefined;
  const header = /(?<![\d.])(\d{1,7})\s+(\d{1,5})\s+obj\b/g;
  let m: RegExpExecArray | null;
  while ((m = header.exec(text)) !== null) {
    const num = Number(m[1]);
    entries.set(num, { kind: 'at', offset: m.index, gen: Number(m[2]) });
    let parsed: PdfValue;
    try {
      const p = new ObjectParser(bytes, m.index);
      p.objectHeader();
      parsed = p.value();
      header.lastIndex = Math.max(header.lastIndex, p.pos);
    } catch {
      continue;
    }
    if (parsed instanceof PdfStream) {
      const type = parsed.dict.name('Type');
      if (type === 'ObjStm') {
        objectStreams.push({ num, stream: parsed });
      } else if (type === 'XRef' && parsed.dict.has('Root')) {
        trailer = parsed.dict;
      }
    }
  }
  let at = text.indexOf('trailer');
  while (at >= 0) {
    try {
      const value = parseValueAt(bytes, at + 'trailer'.length);
      if (value instanceof PdfDict && value.has('Root')) {
        trailer = value;
      }
    } catch {
      // a damaged trailer: keep looking
    }
    at = text.indexOf('trailer', at + 1);
  }
  for (const { num, stream } of objectStreams) {
    try {
      const data = decodeStructural(stream);
      const first = int(stream.dict.get('First')) ?? 0;
      const numbers = Buffer.from(data.subarray(0, first)).toString('latin1').trim().split(/\s+/).map(Number);
      for (let i = 0; i + 1 < numbers.length; i += 2) {
        const member = numbers[i] as number;
        if (Number.isSafeInteger(member) && !entries.has(member)) {
          entries.set(member, { kind: 'in', stream: num, index: i / 2 });
        }
      }
    } catch {
      // an unreadable object stream contributes nothing
    }
  }
  if (trailer === undefined) {
    throw new PdfSyntaxError('no trailer with /Root');
  }
  return { entries, trailer, reconstructed: true };
}
