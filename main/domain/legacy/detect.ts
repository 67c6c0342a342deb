import { isVietnameseWord } from './syllable.ts';
import { decodeTcvn3 } from './tcvn3.ts';
import { decodeVni } from './vni.ts';

/**
 * Telling TCVN3 and VNI text from Unicode (TCVN 6909:2001) in a PDF's text layer, by statistics
 * over all the text of one font: the share of words that read as Vietnamese once decoded,
 * against the share read as they are. Real Unicode is never converted: any letter only Unicode
 * has (ă đ ơ ư ĩ ũ, ạ … ỹ, combining marks) settles it, and on a tie the text stays as it is.
 */
export type LegacyEncoding = 'tcvn3' | 'vni';

export interface EncodingGuess {
  /** 'unicode' also covers plain ASCII and text too short to say. */
  readonly encoding: LegacyEncoding | 'unicode';
  /** 0–1: how sure the guess is (for 'unicode' with no evidence either way, 0). */
  readonly confidence: number;
  /** Words that carried evidence (non-ASCII), and how many of them read as Vietnamese decoded. */
  readonly words: number;
  readonly readable: number;
}

/** Letters only Unicode Vietnamese has: a text holding one is Unicode, whatever else it holds. */
const UNICODE_ONLY = /[\u0102\u0103\u0110\u0111\u0128\u0129\u0168\u0169\u01a0\u01a1\u01af\u01b0\u1ea0-\u1ef9]|\p{Mn}/u;
/** What a legacy byte looks like in the text layer: Latin-1's upper half (or pdf.js's μ for µ). */
const LEGACY_LOOKING = /[\u00a1-\u00ff\u03bc]/u;
/** Font names that announce an encoding (.VnTime, .VnTimeH, VNI-Times …). */
const TCVN3_FONT = /^\.?Vn[A-Z]/u;
const VNI_FONT = /^VNI[-_ ]/iu;
/** An "H" font of the TCVN3 family draws every code as a capital. */
const TCVN3_UPPER_FONT = /^\.?Vn[A-Za-z]+H(?:[,-]|$|Bold|Italic)/u;

const MARGIN = 0.3;
const SAMPLE = 300;

function readableShare(words: readonly string[], decode: (w: string) => string): number {
  let ok = 0;
  for (const word of words) {
    const decoded = decode(word);
    const runs = decoded.split(/[^\p{L}]+/u).filter((r) => r !== '');
    // A legacy symbol left between letters ("x·", "Q§") is mojibake, not punctuation.
    const stray = /[\u00a1-\u00bf\u00d7\u00f7\u03bc]/u.test(decoded);
    if (!stray && runs.length > 0 && runs.every(isVietnameseWord)) {
      ok += 1;
    }
  }
  return words.length === 0 ? 0 : ok / words.length;
}

/** The encoding of one font's text (all its strings), with the font's name as a hint. */
export function detectEncoding(texts: readonly string[], fontName = ''): EncodingGuess {
  const all = texts.join(' ');
  const none = (confidence: number, words = 0): EncodingGuess => ({
    encoding: 'unicode',
    confidence,
    words,
    readable: 0,
  });
  if (UNICODE_ONLY.test(all)) {
    return none(1);
  }
  // Distinct words, and a few hundred of them, are plenty of evidence (a long text repeats itself).
  const words = [...new Set(all.split(/\s+/u))]
    .filter((w) => LEGACY_LOOKING.test(w) || w.includes('\u00ad'))
    .slice(0, SAMPLE);
  if (words.length === 0) {
    return none(0);
  }
  const hinted: LegacyEncoding | null = TCVN3_FONT.test(fontName) ? 'tcvn3' : VNI_FONT.test(fontName) ? 'vni' : null;
  const asIs = readableShare(words, (w) => w);
  const shares: Record<LegacyEncoding, number> = {
    tcvn3: readableShare(words, (w) => decodeTcvn3(w, { isWord: isVietnameseWord })),
    vni: readableShare(words, decodeVni),
  };
  const best: LegacyEncoding = shares.tcvn3 >= shares.vni ? 'tcvn3' : 'vni';
  const gain = shares[best] - asIs;
  // A font named for an encoding needs less evidence than an anonymous one.
  const needed = hinted === best ? 0.1 : MARGIN;
  if (gain < needed || shares[best] < 0.5) {
    return {
      encoding: 'unicode',
      confidence: Math.min(1, Math.max(0, asIs - shares[best] + 0.5)),
      words: words.length,
      readable: Math.round(asIs * words.length),
    };
  }
  // More words, more certainty: one word is a hint, a dozen a fact.
  const weight = 1 - 0.5 ** Math.min(words.length, 20);
  const confidence = Math.min(1, (shares[best] * 0.6 + gain * 0.4) * weight + (hinted === best ? 0.1 : 0));
  return {
    encoding: best,
    confidence: Number(confidence.toFixed(2)),
    words: words.length,
    readable: Math.round(shares[best] * words.length),
  };
}

/** Whether a font's text is set in capitals by the font itself (.VnTimeH). */
export function isUpperCaseFont(fontName: string): boolean {
  return TCVN3_UPPER_FONT.test(fontName);
}

/** Converts text of a detected encoding to Unicode (NFC). */
export function toUnicode(text: string, encoding: LegacyEncoding, fontName = ''): string {
  const decoded =
    encoding === 'tcvn3'
      ? decodeTcvn3(text, { upper: isUpperCaseFont(fontName), isWord: isVietnameseWord })
      : decodeVni(text);
  return decoded.normalize('NFC');
}
