/**
 * The PDF syntax the object parser and the string lexers share: the error they throw and the
 * byte classes of ISO 32000-1 §7.2.
 */

/** The bytes at a position are not a PDF object; callers turn this into "unreadable". */
export class PdfSyntaxError extends Error {}

// Character classes of ISO 32000-1 §7.2.2: white-space and delimiters end a token.
export const SPACE = new Uint8Array(256);
export const DELIMITER = new Uint8Array(256);
for (const c of [0, 9, 10, 12, 13, 32]) {
  SPACE[c] = 1;
}
for (const c of '()<>[]{}/%') {
  DELIMITER[c.charCodeAt(0)] = 1;
}

// Byte values named once (a const enum would not survive type stripping).
export const Ch = {
  LF: 10,
  CR: 13,
  Percent: 37,
  LParen: 40,
  RParen: 41,
  Plus: 43,
  Minus: 45,
  Dot: 46,
  Slash: 47,
  Zero: 48,
  Nine: 57,
  Less: 60,
  Greater: 62,
  LBracket: 91,
  Backslash: 92,
  RBracket: 93,
  Hash: 35,
} as const;

export function isDigit(c: number | undefined): boolean {
  return c !== undefined && c >= Ch.Zero && c <= Ch.Nine;
}

export function hexValue(c: number): number {
  if (c >= 48 && c <= 57) {
    return c - 48;
  }
  const lower = c | 0x20;
  return lower >= 97 && lower <= 102 ? lower - 87 : -1;
}

/** Bytes [start, end) as a Latin-1 string. */
export function latin1(bytes: Uint8Array, start: number, end: number): string {
  return end - start <= 64
    ? String.fromCharCode.apply(null, bytes.subarray(start, end) as unknown as number[])
    : Buffer.from(bytes.buffer, bytes.byteOffset + start, end - start).toString('latin1');
}
