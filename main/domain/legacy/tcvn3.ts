/**
 * TCVN3 (ABC, TCVN 5712:1993 "VN3"): the single-byte encoding of the .VnTime fonts. Only
 * lower-case toned letters have codes; a document's upper-case lines are set in the "H" fonts
 * (.VnTimeH, .VnArialH), which draw the very same codes as capitals. Bytes reach us as a PDF
 * text layer decodes them, i.e. as the Windows-1252 characters of those bytes (0xB8 → "¸").
 *
 * Written from the published code chart: per vowel, the five tones in the order huyền, hỏi, ngã,
 * sắc, nặng, then the seven letters with a vowel mark (and đ) of their own.
 */
const TONED: ReadonlyArray<readonly [string, readonly [number, number, number, number, number]]> = [
  ['àảãáạ', [0xb5, 0xb6, 0xb7, 0xb8, 0xb9]],
  ['ằẳẵắặ', [0xbb, 0xbc, 0xbd, 0xbe, 0xc6]],
  ['ầẩẫấậ', [0xc7, 0xc8, 0xc9, 0xca, 0xcb]],
  ['èẻẽéẹ', [0xcc, 0xce, 0xcf, 0xd0, 0xd1]],
  ['ềểễếệ', [0xd2, 0xd3, 0xd4, 0xd5, 0xd6]],
  ['ìỉĩíị', [0xd7, 0xd8, 0xdc, 0xdd, 0xde]],
  ['òỏõóọ', [0xdf, 0xe1, 0xe2, 0xe3, 0xe4]],
  ['ồổỗốộ', [0xe5, 0xe6, 0xe7, 0xe8, 0xe9]],
  ['ờởỡớợ', [0xea, 0xeb, 0xec, 0xed, 0xee]],
  ['ùủũúụ', [0xef, 0xf1, 0xf2, 0xf3, 0xf4]],
  ['ừửữứự', [0xf5, 0xf6, 0xf7, 0xf8, 0xf9]],
  ['ỳỷỹýỵ', [0xfa, 0xfb, 0xfc, 0xfd, 0xfe]],
];

const MARKED: ReadonlyArray<readonly [string, number]> = [
  ['Ă', 0xa1],
  ['Â', 0xa2],
  ['Ê', 0xa3],
  ['Ô', 0xa4],
  ['Ơ', 0xa5],
  ['Ư', 0xa6],
  ['Đ', 0xa7],
  ['ă', 0xa8],
  ['â', 0xa9],
  ['ê', 0xaa],
  ['ô', 0xab],
  ['ơ', 0xac],
  ['ư', 0xad],
  ['đ', 0xae],
];

/** Unicode letter → TCVN3 byte, for every letter the encoding has. */
export const TCVN3_CODES: ReadonlyMap<string, number> = new Map([
  ...TONED.flatMap(([letters, codes]) => [...letters].map((l, i) => [l, codes[i] ?? 0] as const)),
  ...MARKED,
]);

/** TCVN3 byte → Unicode letter (bytes 0x00–0x7F are ASCII and stand for themselves). */
export const TCVN3_LETTERS: ReadonlyMap<number, string> = new Map([...TCVN3_CODES].map(([l, c]) => [c, l] as const));

/**
 * Characters a PDF reader may give for a byte instead of its Windows-1252 character: pdf.js
 * folds U+00B5 (µ, TCVN3 "à") into the Greek μ, and a font's WinAnsi 0xAD (TCVN3 "ư") is the
 * glyph "hyphen", read as "-" (resolved by `decodeTcvn3`, since a real hyphen reads the same).
 */
const ALIASES: ReadonlyMap<string, number> = new Map([['\u03bc', 0xb5]]);

/** The byte a text-layer character stands for, or undefined for ASCII and unmapped characters. */
export function tcvn3Byte(char: string): number | undefined {
  const alias = ALIASES.get(char);
  if (alias !== undefined) {
    return alias;
  }
  const code = char.codePointAt(0) ?? 0;
  return code >= 0xa0 && code <= 0xff && TCVN3_LETTERS.has(code) ? code : undefined;
}

/** Encodes Unicode text as the text layer of a TCVN3 font shows it (what the tests print). */
export function encodeTcvn3(text: string): string {
  let out = '';
  for (const char of text.normalize('NFC')) {
    const lower = char.toLowerCase();
    // The "H" fonts draw capitals from the lower-case codes; a plain font has only ĂÂÊÔƠƯĐ.
    const code = TCVN3_CODES.get(char) ?? (char !== lower ? TCVN3_CODES.get(lower) : undefined);
    out += code === undefined ? char : String.fromCharCode(code);
  }
  return out;
}

/**
 * Decodes a TCVN3 text layer. `upper` is for text set in an "H" font (every letter a capital).
 * A "-" or soft hyphen inside a lower-case word is the letter ư (0xAD read as a hyphen) when
 * the word then reads as Vietnamese syllables; otherwise it stays a hyphen ("QĐ-UBND").
 */
export function decodeTcvn3(text: string, options: { upper?: boolean; isWord?: (w: string) => boolean } = {}): string {
  const plain = (s: string): string => {
    let out = '';
    for (const char of s) {
      const byte = tcvn3Byte(char);
      out += byte === undefined ? char : (TCVN3_LETTERS.get(byte) ?? char);
    }
    return out;
  };
  const isWord = options.isWord ?? (() => true);
  const decoded = text.replace(/\S+/gu, (token) => {
    // A soft hyphen is the byte itself (always ư); a "-" may be either.
    const once = plain(token);
    if (!once.includes('-')) {
      return once;
    }
    // ư starts a word ("ưu") or follows a lower-case letter ("trưởng", "tư"); "QĐ-UBND" keeps its hyphen.
    const withU = once.replace(/(^|\p{L})-(?=(\p{L})?)/gu, (whole, before: string, after: string | undefined) => {
      const lowerAfter = after !== undefined && after !== after.toUpperCase();
      // "-u" opens a word; "tr-ëng", "L-u", "th-;" carry it inside or at the end; "QĐ-UBND" is a hyphen.
      return lowerAfter || (before !== '' && after === undefined) ? `${before}ư` : whole;
    });
    const words = withU.split(/[^\p{L}]+/u).filter((w) => w !== '');
    return withU !== once && words.every(isWord) ? withU : once;
  });
  return options.upper === true ? decoded.toUpperCase() : decoded;
}
