/**
 * The values of a PDF file as the verifier reads them. Unlike pdf-lib's objects these hold no
 * reference to a parsing context: a reference is resolved by whichever revision asks, so the
 * revisions of one file share every object they have in common (parsed once).
 */

export class PdfName {
  /** Without the leading slash, #xx escapes decoded. */
  readonly name: string;
  constructor(name: string) {
    this.name = name;
  }
}

export class PdfString {
  /** The string's bytes, escapes (literal) or hex digits (hex) already decoded. */
  readonly bytes: Uint8Array;
  readonly hex: boolean;
  constructor(bytes: Uint8Array, hex: boolean) {
    this.bytes = bytes;
    this.hex = hex;
  }
}

export class PdfRef {
  readonly num: number;
  readonly gen: number;
  constructor(num: number, gen: number) {
    this.num = num;
    this.gen = gen;
  }
  /** "n g R": the form reports and change lists use. */
  key(): string {
    return `${this.num} ${this.gen} R`;
  }
}

export class PdfDict {
  readonly map: ReadonlyMap<string, PdfValue>;
  constructor(map: ReadonlyMap<string, PdfValue>) {
    this.map = map;
  }
  get(key: string): PdfValue | undefined {
    return this.map.get(key);
  }
  has(key: string): boolean {
    return this.map.has(key);
  }
  /** A name value's text ("/Sig" → "Sig"), or undefined when the key holds something else. */
  name(key: string): string | undefined {
    const value = this.map.get(key);
    return value instanceof PdfName ? value.name : undefined;
  }
}

export class PdfStream {
  readonly dict: PdfDict;
  /** The raw (still encoded) bytes between "stream" and "endstream". */
  readonly data: Uint8Array;
  constructor(dict: PdfDict, data: Uint8Array) {
    this.dict = dict;
    this.data = data;
  }
}

export type PdfValue = null | boolean | number | PdfName | PdfString | PdfRef | PdfDict | PdfStream | PdfArray;
export type PdfArray = readonly PdfValue[];

export function isArray(value: PdfValue | undefined): value is PdfArray {
  return Array.isArray(value);
}

/** The dictionary of a dictionary or stream value. */
export function dictOf(value: PdfValue | undefined): PdfDict | undefined {
  return value instanceof PdfDict ? value : value instanceof PdfStream ? value.dict : undefined;
}
