import { readHexString, readLiteralString } from './lex-strings.ts';
import { Ch, DELIMITER, PdfSyntaxError, SPACE } from './syntax.ts';

/** Containers open while stepping over a value: a dictionary waiting for a key or its value, an array. */
const DICT_KEY = 1;
const DICT_VALUE = 2;
const ARRAY = 3;

/** Byte classes in one table (0 regular, 1 white-space, 2 delimiter): one load per byte. */
const CLASS = new Uint8Array(256);
for (let c = 0; c < 256; c++) {
  CLASS[c] = SPACE[c] === 1 ? 1 : DELIMITER[c] === 1 ? 2 : 0;
}

function isDigitByte(c: number | undefined): boolean {
  return c !== undefined && c >= Ch.Zero && c <= Ch.Nine;
}

/** Past white-space and comments, as ObjectParser.skipSpace (white-space alone first: the usual case). */
function pastSpace(b: Uint8Array, pos: number): number {
  const len = b.length;
  while (pos < len && CLASS[b[pos] as number] === 1) {
    pos++;
  }
  if (b[pos] !== Ch.Percent) {
    return pos;
  }
  while (pos < len) {
    const c = b[pos] as number;
    if (SPACE[c] === 1) {
      pos++;
    } else if (c === Ch.Percent) {
      while (pos < len && b[pos] !== Ch.LF && b[pos] !== Ch.CR) {
        pos++;
      }
    } else {
      break;
    }
  }
  return pos;
}

/** Past a token's regular characters (a name's after its slash, a keyword's). */
function pastRegular(b: Uint8Array, pos: number): number {
  const len = b.length;
  while (pos < len && CLASS[b[pos] as number] === 0) {
    pos++;
  }
  return pos;
}

/** ObjectParser's integer: up to 16 digits not followed by another; -1 when there is none. */
function pastInteger(b: Uint8Array, pos: number): number {
  let p = pos;
  while (isDigitByte(b[p]) && p - pos < 16) {
    p++;
  }
  return p === pos || isDigitByte(b[p]) ? -1 : p;
}

/** Where ObjectParser.numberOrRef would leave the position. */
function pastNumberOrRef(b: Uint8Array, start: number): number {
  const afterNum = pastInteger(b, start);
  if (afterNum >= 0) {
    const afterGen = pastInteger(b, pastSpace(b, afterNum));
    if (afterGen >= 0) {
      const r = pastSpace(b, afterGen);
      if (
        b[r] === 82 /* R */ &&
        (r + 1 >= b.length || SPACE[b[r + 1] as number] === 1 || DELIMITER[b[r + 1] as number] === 1)
      ) {
        return r + 1;
      }
    }
    if (b[afterNum] !== Ch.Dot) {
      return afterNum;
    }
  }
  let pos = start;
  while (pos < b.length && pos - start < 64) {
    const c = b[pos] as number;
    if (!(isDigitByte(c) || c === Ch.Dot || c === Ch.Minus || c === Ch.Plus)) {
      break;
    }
    pos++;
  }
  return pos;
}

/** "n g R" with single spaces and short numbers, the usual reference, else pastNumberOrRef. */
function pastRefQuickly(b: Uint8Array, start: number): number {
  let p = start;
  const len = b.length;
  while (p < len && p - start < 10 && (b[p] as number) >= 48 && (b[p] as number) <= 57) {
    p++;
  }
  if (p > start && p - start < 10 && b[p] === 32) {
    let q = p + 1;
    while (q < len && q - p < 6 && (b[q] as number) >= 48 && (b[q] as number) <= 57) {
      q++;
    }
    if (q > p + 1 && q - p < 6 && b[q] === 32 && b[q + 1] === 82 && (q + 2 >= len || CLASS[b[q + 2] as number] !== 0)) {
      return q + 2;
    }
  }
  return pastNumberOrRef(b, start);
}

function spells(b: Uint8Array, start: number, end: number, word: string): boolean {
  if (end - start !== word.length) {
    return false;
  }
  for (let i = 0; i < word.length; i++) {
    if (b[start + i] !== word.charCodeAt(i)) {
      return false;
    }
  }
  return true;
}

/**
 * Where the value at `pos` ends, building nothing (strings excepted: rare where values are
 * skipped): the same grammar, positions and errors as ObjectParser.value, which reads a value at
 * `depth` the same way (nesting beyond `maxDepth` throws). One loop over local positions with
 * its own stack of open containers: the page tree walk steps over every page's resources, and a
 * method per token with the position kept on the parser was most of that walk.
 */
export function skipValue(b: Uint8Array, pos: number, depth: number, maxDepth: number): number {
  const open: number[] = [];
  for (;;) {
    pos = pastSpace(b, pos);
    const c = b[pos];
    const top = open.length === 0 ? 0 : (open[open.length - 1] as number);
    if (top === DICT_KEY) {
      if (c === Ch.Greater && b[pos + 1] === Ch.Greater) {
        pos += 2;
        open.pop();
      } else if (c === Ch.Slash) {
        pos = pastRegular(b, pos + 1);
        open[open.length - 1] = DICT_VALUE;
        continue;
      } else {
        throw new PdfSyntaxError('dictionary key is not a name');
      }
    } else if (top === ARRAY && c === Ch.RBracket) {
      pos++;
      open.pop();
    } else {
      // A value, at the depth of the containers open around it.
      if (depth + open.length > maxDepth) {
        throw new PdfSyntaxError('nesting too deep');
      }
      if (c === undefined) {
        throw new PdfSyntaxError('unexpected end of data');
      }
      if (top === DICT_VALUE) {
        open[open.length - 1] = DICT_KEY;
      }
      if (c === Ch.Less && b[pos + 1] === Ch.Less) {
        pos += 2;
        open.push(DICT_KEY);
        continue;
      }
      if (c === Ch.LBracket) {
        pos++;
        open.push(ARRAY);
        continue;
      }
      if (c === Ch.Slash) {
        pos = pastRegular(b, pos + 1);
      } else if (isDigitByte(c) || c === Ch.Minus || c === Ch.Plus || c === Ch.Dot) {
        pos = pastRefQuickly(b, pos);
      } else if (c === Ch.LParen || c === Ch.Less) {
        const cursor = { pos };
        (c === Ch.LParen ? readLiteralString : readHexString)(b, cursor);
        pos = cursor.pos;
      } else {
        const end = pastRegular(b, pos);
        if (!(spells(b, pos, end, 'true') || spells(b, pos, end, 'false') || spells(b, pos, end, 'null'))) {
          throw new PdfSyntaxError('unexpected token');
        }
        pos = end;
      }
    }
    if (open.length === 0) {
      return pos;
    }
  }
}
