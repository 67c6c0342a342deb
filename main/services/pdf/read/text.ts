import { PdfName, PdfString, type PdfValue } from './values.ts';

const utf16 = new TextDecoder('utf-16be');
const utf8 = new TextDecoder('utf-8');

/**
 * A text string (ISO 32000-2 §7.9.2.2): UTF-16BE or UTF-8 with a byte-order mark, else
 * PDFDocEncoding, read here as Latin-1 (they differ only in rarely used punctuation).
 */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return utf16.decode(bytes.subarray(2));
  }
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return utf8.decode(bytes.subarray(3));
  }
  return Buffer.from(bytes).toString('latin1');
}

/** A name's or string's text; other values as '' (what a missing /T or /FT means). */
export function textOf(value: PdfValue | undefined): string {
  if (value instanceof PdfName) {
    return value.name;
  }
  if (value instanceof PdfString) {
    return decodeText(value.bytes);
  }
  return '';
}
