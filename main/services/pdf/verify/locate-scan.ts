/**
 * The byte patterns signature location looks for, matched in the file's bytes as the regular
 * expressions they replace would match its Latin-1 text (`\s` is 9–13, 32 and 0xA0 there): the
 * whole file is never copied into a string, which was most of locating a document's signatures.
 */

const BYTE_RANGE = Buffer.from('/ByteRange', 'latin1');
const CONTENTS = Buffer.from('/Contents', 'latin1');

function isSpace(c: number | undefined): boolean {
  return c !== undefined && ((c >= 9 && c <= 13) || c === 32 || c === 0xa0);
}

function isDigit(c: number | undefined): boolean {
  return c !== undefined && c >= 48 && c <= 57;
}

function isHex(c: number | undefined): boolean {
  return c !== undefined && (isDigit(c) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102));
}

function pastSpaces(b: Uint8Array, p: number): number {
  while (isSpace(b[p])) {
    p++;
  }
  return p;
}

export interface ByteRangeMatch {
  /** Where "/ByteRange" begins. */
  readonly index: number;
  /** Where the match ends (after "]"). */
  readonly end: number;
  readonly values: readonly [number, number, number, number];
}

/** `/ByteRange\s*\[\s*(\d{1,12})\s+(\d{1,12})\s+(\d{1,12})\s+(\d{1,12})\s*\]` at `at`, or null. */
function byteRangeAt(b: Buffer, at: number): ByteRangeMatch | null {
  let p = pastSpaces(b, at + BYTE_RANGE.length);
  if (b[p] !== 0x5b /* [ */) {
    return null;
  }
  p = pastSpaces(b, p + 1);
  const values: number[] = [];
  for (let i = 0; i < 4; i++) {
    const start = p;
    while (isDigit(b[p])) {
      p++;
    }
    const digits = p - start;
    if (digits < 1 || digits > 12) {
      return null;
    }
    values.push(Number(b.toString('latin1', start, p)));
    const afterDigits = p;
    p = pastSpaces(b, p);
    if (i < 3 && p === afterDigits) {
      return null;
    }
  }
  if (b[p] !== 0x5d /* ] */) {
    return null;
  }
  return { index: at, end: p + 1, values: values as unknown as [number, number, number, number] };
}

/** Every /ByteRange array in the bytes, in order, as the global regular expression finds them. */
export function* byteRanges(bytes: Uint8Array): Generator<ByteRangeMatch> {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let from = 0;
  for (let at = b.indexOf(BYTE_RANGE, from); at >= 0; at = b.indexOf(BYTE_RANGE, from)) {
    const m = byteRangeAt(b, at);
    if (m !== null) {
      yield m;
    }
    from = m === null ? at + 1 : m.end;
  }
}

/**
 * The first `/Contents\s*<[0-9A-Fa-f\s]*>` at or after `from`, if it begins before `to`: where
 * its "<" is and where its ">" ends.
 */
export function contentsString(bytes: Uint8Array, from: number, to: number): { start: number; end: number } | null {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let at = b.indexOf(CONTENTS, from); at >= 0 && at < to; at = b.indexOf(CONTENTS, at + 1)) {
    const start = pastSpaces(b, at + CONTENTS.length);
    if (b[start] !== 0x3c /* < */) {
      continue;
    }
    let p = start + 1;
    while (isHex(b[p]) || isSpace(b[p])) {
      p++;
    }
    if (b[p] === 0x3e /* > */) {
      return { start, end: p + 1 };
    }
  }
  return null;
}

/** Bytes [start, end) as Latin-1 text. */
export function latin1At(bytes: Uint8Array, start: number, end: number): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1', start, end);
}
