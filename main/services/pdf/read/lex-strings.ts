import { Ch, hexValue, PdfSyntaxError, SPACE } from './syntax.ts';
import { PdfString } from './values.ts';

const ESCAPES: Record<number, number> = {
  110: 10, // \n
  114: 13, // \r
  116: 9, // \t
  98: 8, // \b
  102: 12, // \f
  40: 40, // \(
  41: 41, // \)
  92: 92, // \\
};

/** A literal string `( … )` at the cursor (ISO 32000-1 §7.3.4.2); the cursor ends after it, or where the string broke off. */
export function readLiteralString(b: Uint8Array, cursor: { pos: number }): PdfString {
  cursor.pos++;
  const out: number[] = [];
  let nesting = 1;
  while (cursor.pos < b.length) {
    const c = b[cursor.pos++] as number;
    if (c === Ch.LParen) {
      nesting++;
    } else if (c === Ch.RParen) {
      nesting--;
      if (nesting === 0) {
        return new PdfString(Uint8Array.from(out), false);
      }
    } else if (c === Ch.Backslash) {
      const e = b[cursor.pos++];
      if (e === undefined) {
        break;
      }
      const simple = ESCAPES[e];
      if (simple !== undefined) {
        out.push(simple);
      } else if (e >= 48 && e <= 55) {
        let v = e - 48;
        for (let k = 0; k < 2 && (b[cursor.pos] ?? 0) >= 48 && (b[cursor.pos] ?? 0) <= 55; k++) {
          v = v * 8 + ((b[cursor.pos++] as number) - 48);
        }
        out.push(v & 0xff);
      } else if (e === Ch.CR) {
        if (b[cursor.pos] === Ch.LF) {
          cursor.pos++;
        }
      } else if (e !== Ch.LF) {
        out.push(e);
      }
      continue;
    }
    out.push(c);
  }
  throw new PdfSyntaxError('unterminated string');
}

/**
 * Bytes [start, end) decoded natively when they are an even number of hex digits and nothing
 * else (Node's hex decoding stops at the first other byte, so a shorter result means "no").
 */
function hexDigitsOnly(b: Uint8Array, start: number, end: number): Uint8Array | null {
  const text = Buffer.from(b.buffer, b.byteOffset + start, end - start).toString('latin1');
  const decoded = Buffer.from(text, 'hex');
  return decoded.length * 2 === end - start ? new Uint8Array(decoded) : null;
}

/**
 * A hexadecimal string `< … >` at the cursor (§7.3.4.3), moving the cursor as the literal string
 * does; an odd last digit counts as followed by 0. Decoded into a buffer sized once by where the
 * next ">" is (a signature's /Contents is thousands of digits).
 */
export function readHexString(b: Uint8Array, cursor: { pos: number }): PdfString {
  cursor.pos++;
  const close = b.indexOf(Ch.Greater, cursor.pos);
  const even = close >= 0 && (close - cursor.pos) % 2 === 0 ? hexDigitsOnly(b, cursor.pos, close) : null;
  if (even !== null) {
    cursor.pos = close + 1;
    return new PdfString(even, true);
  }
  const out = new Uint8Array(close < 0 ? 0 : (close - cursor.pos + 1) >> 1);
  let n = 0;
  let high = -1;
  while (cursor.pos < b.length) {
    const c = b[cursor.pos++] as number;
    if (c === Ch.Greater) {
      if (high >= 0) {
        out[n++] = high * 16;
      }
      return new PdfString(n === out.length ? out : out.slice(0, n), true);
    }
    const v = hexValue(c);
    if (v < 0) {
      if (SPACE[c] === 1) {
        continue;
      }
      throw new PdfSyntaxError('bad hex string');
    }
    if (high < 0) {
      high = v;
    } else {
      out[n++] = high * 16 + v;
      high = -1;
    }
  }
  throw new PdfSyntaxError('unterminated hex string');
}
