import { inflateSync } from 'node:zlib';

const MAX_OBJSTM_BYTES = 64 * 1024 * 1024;

/**
 * Object numbers (re)defined in the bytes after a signed revision: every object an incremental
 * update changes is written there, either plainly ("n g obj") or inside a new object stream.
 * Comparing only these is what makes verification of a 200-page file fast. Returns null when an
 * object stream cannot be read, and the caller then compares every object.
 */
export function objectsDefinedIn(tail: Uint8Array): Set<number> | null {
  const text = Buffer.from(tail.buffer, tail.byteOffset, tail.byteLength).toString('latin1');
  const found = new Set<number>();
  // Bounded and anchored after a non-digit: a long run of digits (the zero padding of a
  // /Contents placeholder) must not make the scan quadratic.
  const header = /(?<!\d)(\d{1,10})\s+(\d{1,5})\s+obj\b/g;
  let m: RegExpExecArray | null;
  while ((m = header.exec(text)) !== null) {
    found.add(Number(m[1]));
    const dictEnd = text.indexOf('stream', header.lastIndex);
    const endobj = text.indexOf('endobj', header.lastIndex);
    if (dictEnd < 0 || (endobj >= 0 && endobj < dictEnd)) {
      continue;
    }
    const dict = text.slice(header.lastIndex, dictEnd);
    if (!/\/Type\s*\/ObjStm/.test(dict)) {
      continue;
    }
    const length = /\/Length\s+(\d+)(?!\s+\d+\s+R)/.exec(dict);
    const first = /\/First\s+(\d+)/.exec(dict);
    const count = /\/N\s+(\d+)/.exec(dict);
    if (length === null || first === null || count === null || /\/Filter\s*\[?\s*\/(?!FlateDecode)/.test(dict)) {
      return null;
    }
    let start = dictEnd + 'stream'.length;
    if (text[start] === '\r') {
      start++;
    }
    if (text[start] === '\n') {
      start++;
    }
    const raw = tail.subarray(start, start + Number(length[1]));
    let body: Buffer;
    try {
      body = /\/FlateDecode/.test(dict) ? inflateSync(raw, { maxOutputLength: MAX_OBJSTM_BYTES }) : Buffer.from(raw);
    } catch {
      return null;
    }
    const numbers = body.subarray(0, Number(first[1])).toString('latin1').trim().split(/\s+/);
    for (let i = 0; i + 1 < numbers.length && i / 2 < Number(count[1]); i += 2) {
      found.add(Number(numbers[i]));
    }
    header.lastIndex = start + Number(length[1]);
  }
  return found;
}
