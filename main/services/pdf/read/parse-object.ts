import { readHexString, readLiteralString } from './lex-strings.ts';
import { skipValue } from './skip-value.ts';
import { Ch, DELIMITER, hexValue, isDigit, latin1, PdfSyntaxError, SPACE } from './syntax.ts';
import { PdfDict, PdfName, PdfRef, PdfStream, type PdfValue } from './values.ts';

export { PdfSyntaxError } from './syntax.ts';

const MAX_DEPTH = 64;

/** Resolves an indirect /Length while a stream is being read (the object may come later in the file). */
export type LengthResolver = (ref: PdfRef) => number | undefined;

/**
 * A small recursive-descent reader of PDF objects over raw bytes. It never scans ahead more
 * than a token, so reading one object costs what that object is long; the whole file is never
 * tokenised. Every malformed construct throws PdfSyntaxError (never loops, never recurses
 * deeper than MAX_DEPTH).
 */
export class ObjectParser {
  readonly bytes: Uint8Array;
  pos: number;
  private readonly resolveLength: LengthResolver | undefined;

  constructor(bytes: Uint8Array, pos: number, resolveLength?: LengthResolver) {
    this.bytes = bytes;
    this.pos = pos;
    this.resolveLength = resolveLength;
  }

  skipSpace(): void {
    const b = this.bytes;
    for (;;) {
      const c = b[this.pos];
      if (c === undefined) {
        return;
      }
      if (SPACE[c] === 1) {
        this.pos++;
      } else if (c === Ch.Percent) {
        while (this.pos < b.length && b[this.pos] !== Ch.LF && b[this.pos] !== Ch.CR) {
          this.pos++;
        }
      } else {
        return;
      }
    }
  }

  /** A keyword or bare token at the position (letters up to a delimiter), consumed. */
  keyword(): string {
    const b = this.bytes;
    const start = this.pos;
    while (this.pos < b.length && SPACE[b[this.pos] as number] !== 1 && DELIMITER[b[this.pos] as number] !== 1) {
      this.pos++;
    }
    let out = '';
    for (let i = start; i < this.pos && i < start + 32; i++) {
      out += String.fromCharCode(b[i] as number);
    }
    return out;
  }

  /** A non-negative integer at the position, or -1 (position unchanged) when there is none. */
  private integer(): number {
    const b = this.bytes;
    let p = this.pos;
    let n = 0;
    let digits = 0;
    while (isDigit(b[p]) && digits < 16) {
      n = n * 10 + ((b[p] as number) - Ch.Zero);
      p++;
      digits++;
    }
    if (digits === 0 || isDigit(b[p])) {
      return -1;
    }
    this.pos = p;
    return n;
  }

  /** Reads "n g obj" and returns [n, g]; throws when the header is not there. */
  objectHeader(): [number, number] {
    this.skipSpace();
    const num = this.integer();
    this.skipSpace();
    const gen = this.integer();
    this.skipSpace();
    if (num < 0 || gen < 0 || this.keyword() !== 'obj') {
      throw new PdfSyntaxError('no object header');
    }
    return [num, gen];
  }

  /**
   * The dictionary at the position with only `keys` read; every other value is stepped over
   * without being built. Null when the object is not a plain dictionary (a stream, say). For
   * walks that need a few keys of many objects (the page tree), where building each page's whole
   * dictionary, resources and all, was most of a verification's time.
   */
  dictKeys(keys: readonly string[]): PdfDict | null {
    const b = this.bytes;
    this.skipSpace();
    if (b[this.pos] !== Ch.Less || b[this.pos + 1] !== Ch.Less) {
      return null;
    }
    this.pos += 2;
    const map = new Map<string, PdfValue>();
    for (;;) {
      this.skipSpace();
      const c = b[this.pos];
      if (c === Ch.Greater && b[this.pos + 1] === Ch.Greater) {
        this.pos += 2;
        break;
      }
      if (c !== Ch.Slash) {
        throw new PdfSyntaxError('dictionary key is not a name');
      }
      const start = this.pos + 1;
      this.skipName();
      const wanted = keys.find((k) => this.bytesAre(start, this.pos, k));
      if (wanted === undefined) {
        this.pos = skipValue(this.bytes, this.pos, 1, MAX_DEPTH);
      } else {
        map.set(this.nameTextAt(start), this.value(1));
      }
    }
    const afterDict = this.pos;
    this.skipSpace();
    if (this.startsWith('stream')) {
      return null;
    }
    this.pos = afterDict;
    return new PdfDict(map);
  }

  private skipName(): void {
    const b = this.bytes;
    this.pos++;
    while (this.pos < b.length && SPACE[b[this.pos] as number] !== 1 && DELIMITER[b[this.pos] as number] !== 1) {
      this.pos++;
    }
  }

  /** Whether bytes [start, end) spell `word` (a name without escapes). */
  private bytesAre(start: number, end: number, word: string): boolean {
    if (end - start !== word.length) {
      return false;
    }
    for (let i = 0; i < word.length; i++) {
      if (this.bytes[start + i] !== word.charCodeAt(i)) {
        return false;
      }
    }
    return true;
  }

  private nameTextAt(start: number): string {
    const end = this.pos;
    this.pos = start - 1;
    const text = this.nameText();
    this.pos = end;
    return text;
  }

  value(depth = 0): PdfValue {
    if (depth > MAX_DEPTH) {
      throw new PdfSyntaxError('nesting too deep');
    }
    this.skipSpace();
    const b = this.bytes;
    const c = b[this.pos];
    if (c === undefined) {
      throw new PdfSyntaxError('unexpected end of data');
    }
    if (c === Ch.Slash) {
      return this.name();
    }
    if (c === Ch.Less) {
      if (b[this.pos + 1] === Ch.Less) {
        return this.dictOrStream(depth);
      }
      return readHexString(this.bytes, this);
    }
    if (c === Ch.LBracket) {
      this.pos++;
      const items: PdfValue[] = [];
      for (;;) {
        this.skipSpace();
        if (b[this.pos] === Ch.RBracket) {
          this.pos++;
          return items;
        }
        items.push(this.value(depth + 1));
      }
    }
    if (c === Ch.LParen) {
      return readLiteralString(this.bytes, this);
    }
    if (isDigit(c) || c === Ch.Minus || c === Ch.Plus || c === Ch.Dot) {
      return this.numberOrRef();
    }
    const word = this.keyword();
    if (word === 'true') {
      return true;
    }
    if (word === 'false') {
      return false;
    }
    if (word === 'null') {
      return null;
    }
    throw new PdfSyntaxError(`unexpected "${word || String.fromCharCode(c)}"`);
  }

  private name(): PdfName {
    return new PdfName(this.nameText());
  }

  /**
   * A name's text without its slash. Most names have no #xx escape: those are read in one
   * native call instead of one string concatenation per character (page dictionaries with many
   * resource names made that the reader's main cost).
   */
  private nameText(): string {
    const b = this.bytes;
    const start = ++this.pos;
    let escaped = false;
    while (this.pos < b.length) {
      const c = b[this.pos] as number;
      if (SPACE[c] === 1 || DELIMITER[c] === 1) {
        break;
      }
      escaped ||= c === Ch.Hash;
      this.pos++;
    }
    if (!escaped) {
      return latin1(b, start, this.pos);
    }
    let out = '';
    for (let p = start; p < this.pos;) {
      const c = b[p] as number;
      if (c === Ch.Hash) {
        const hi = hexValue(b[p + 1] ?? 0);
        const lo = hexValue(b[p + 2] ?? 0);
        if (hi >= 0 && lo >= 0 && p + 2 < this.pos) {
          out += String.fromCharCode(hi * 16 + lo);
          p += 3;
          continue;
        }
      }
      out += String.fromCharCode(c);
      p++;
    }
    return out;
  }

  private numberOrRef(): number | PdfRef {
    const b = this.bytes;
    const start = this.pos;
    const num = this.integer();
    if (num >= 0) {
      // "n g R": look ahead without consuming unless the whole reference is there.
      const afterNum = this.pos;
      this.skipSpace();
      const gen = this.integer();
      if (gen >= 0) {
        this.skipSpace();
        const r = this.pos;
        if (
          b[r] === 82 /* R */ &&
          (r + 1 >= b.length || SPACE[b[r + 1] as number] === 1 || DELIMITER[b[r + 1] as number] === 1)
        ) {
          this.pos = r + 1;
          return new PdfRef(num, gen);
        }
      }
      this.pos = afterNum;
      if (b[this.pos] !== Ch.Dot) {
        return num;
      }
      this.pos = start;
    }
    let text = '';
    while (this.pos < b.length && this.pos - start < 64) {
      const c = b[this.pos] as number;
      if (isDigit(c) || c === Ch.Dot || c === Ch.Minus || c === Ch.Plus) {
        text += String.fromCharCode(c);
        this.pos++;
      } else {
        break;
      }
    }
    // Writers emit "-.5", "4." and even "--3"; anything Number cannot read counts as 0, as viewers do.
    const value = Number(text.replace(/^([+-])+/, '$1'));
    return Number.isFinite(value) ? value : 0;
  }

  private dictOrStream(depth: number): PdfDict | PdfStream {
    const b = this.bytes;
    this.pos += 2;
    const map = new Map<string, PdfValue>();
    for (;;) {
      this.skipSpace();
      const c = b[this.pos];
      if (c === Ch.Greater && b[this.pos + 1] === Ch.Greater) {
        this.pos += 2;
        break;
      }
      if (c !== Ch.Slash) {
        throw new PdfSyntaxError('dictionary key is not a name');
      }
      const key = this.nameText();
      map.set(key, this.value(depth + 1));
    }
    const dict = new PdfDict(map);
    const afterDict = this.pos;
    this.skipSpace();
    if (!this.startsWith('stream')) {
      this.pos = afterDict;
      return dict;
    }
    this.pos += 6;
    if (b[this.pos] === Ch.CR) {
      this.pos++;
    }
    if (b[this.pos] === Ch.LF) {
      this.pos++;
    }
    return new PdfStream(dict, this.streamData(dict));
  }

  private startsWith(word: string): boolean {
    for (let i = 0; i < word.length; i++) {
      if (this.bytes[this.pos + i] !== word.charCodeAt(i)) {
        return false;
      }
    }
    return true;
  }

  /** The stream's bytes by its /Length when "endstream" follows there, else up to "endstream". */
  private streamData(dict: PdfDict): Uint8Array {
    const b = this.bytes;
    const start = this.pos;
    const raw = dict.get('Length');
    const length = typeof raw === 'number' ? raw : raw instanceof PdfRef ? this.resolveLength?.(raw) : undefined;
    if (length !== undefined && Number.isSafeInteger(length) && length >= 0 && start + length <= b.length) {
      this.pos = start + length;
      this.skipSpace();
      if (this.startsWith('endstream')) {
        this.pos += 9;
        return b.subarray(start, start + length);
      }
    }
    const end = Buffer.from(b.buffer, b.byteOffset, b.byteLength).indexOf('endstream', start, 'latin1');
    if (end < 0) {
      throw new PdfSyntaxError('stream without endstream');
    }
    let dataEnd = end;
    if (b[dataEnd - 1] === Ch.LF) {
      dataEnd--;
    }
    if (b[dataEnd - 1] === Ch.CR) {
      dataEnd--;
    }
    this.pos = end + 9;
    return b.subarray(start, Math.max(start, dataEnd));
  }
}

/** The object "n g obj … " at `offset`: its number, generation and value. */
export function parseIndirect(
  bytes: Uint8Array,
  offset: number,
  resolveLength?: LengthResolver,
): { readonly num: number; readonly gen: number; readonly value: PdfValue } {
  const parser = new ObjectParser(bytes, offset, resolveLength);
  const [num, gen] = parser.objectHeader();
  return { num, gen, value: parser.value() };
}

/** A bare value at `offset` (an object-stream member, a trailer dictionary). */
export function parseValueAt(bytes: Uint8Array, offset: number): PdfValue {
  return new ObjectParser(bytes, offset).value();
}
