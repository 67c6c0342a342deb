/**
 * VNI Windows (the VNI-Times family): a vowel is its base letter followed by a mark character
 * ("a" + "ù" = á); ơ, ư, đ and the toned i's and ỵ have single codes. Capitals take the
 * capital forms of the marks ("A" + "Ù" = Á). As with TCVN3, the bytes reach us as their
 * Windows-1252 characters.
 *
 * Written from the published VNI chart. Tones in the order huyền, hỏi, ngã, sắc, nặng.
 */
const TONE_MARKS = ['ø', 'û', 'õ', 'ù', 'ï'] as const;
/** Circumflex (â, ê, ô) with each tone, and alone. */
const CIRCUMFLEX_MARKS = ['à', 'å', 'ã', 'á', 'ä'] as const;
const CIRCUMFLEX = 'â';
/** Breve (ă, only on a) with each tone, and alone. */
const BREVE_MARKS = ['è', 'ú', 'ü', 'é', 'ë'] as const;
const BREVE = 'ê';

const TONES = ['\u0300', '\u0309', '\u0303', '\u0301', '\u0323'] as const;

/** Single-code letters: ơ ư đ, and the toned i's and ỵ (an i has no room for a mark after it). */
const SINGLE: ReadonlyArray<readonly [string, string]> = [
  ['ô', 'ơ'],
  ['ö', 'ư'],
  ['ñ', 'đ'],
  ['ì', 'ì'],
  ['æ', 'ỉ'],
  ['ó', 'ĩ'],
  ['í', 'í'],
  ['ò', 'ị'],
  ['î', 'ỵ'],
];

const lower = (s: string): string => s.toLowerCase();
const upper = (s: string): string => s.toUpperCase();

type VowelMark = '' | '\u0302' | '\u0306';
interface Mark {
  readonly vowel: VowelMark;
  readonly tone: string;
}
const marksOf = (marks: readonly string[], vowel: VowelMark): Array<[string, Mark]> =>
  marks.map((m, i) => [m, { vowel, tone: TONES[i] ?? '' }]);

/** Mark character (lower-case form) → the vowel mark it adds and its tone. */
const MARKS: ReadonlyMap<string, Mark> = new Map([
  ...marksOf(TONE_MARKS, ''),
  ...marksOf(CIRCUMFLEX_MARKS, '\u0302'),
  [CIRCUMFLEX, { vowel: '\u0302', tone: '' }],
  ...marksOf(BREVE_MARKS, '\u0306'),
  [BREVE, { vowel: '\u0306', tone: '' }],
]);

/** Which vowel marks a base letter (lower case) can take. */
const TAKES: Readonly<Record<string, readonly string[]>> = {
  a: ['', '\u0302', '\u0306'],
  e: ['', '\u0302'],
  o: ['', '\u0302'],
  u: [''],
  y: [''],
  ơ: [''],
  ư: [''],
};

const SINGLES: ReadonlyMap<string, string> = new Map([
  ...SINGLE,
  ...SINGLE.map(([c, l]) => [upper(c), upper(l)] as const),
]);
const SINGLE_CODES: ReadonlyMap<string, string> = new Map([...SINGLES].map(([c, l]) => [l, c] as const));

/** Whether a character is a VNI mark (drawn over the letter before it, with no advance of its own). */
export function isVniMark(char: string): boolean {
  return MARKS.has(lower(char));
}

/**
 * Decodes a VNI text layer: single codes first (ô → ơ), then a base letter and the mark after
 * it are composed. A mark with no base that takes it stays as it is.
 */
export function decodeVni(text: string): string {
  const chars = [...text];
  let out = '';
  for (let i = 0; i < chars.length; i += 1) {
    const raw = chars[i] ?? '';
    const base = SINGLES.get(raw) ?? raw;
    const next = chars[i + 1];
    const mark = next === undefined ? undefined : MARKS.get(lower(next));
    const baseLower = lower(base);
    if (mark !== undefined && (TAKES[baseLower] ?? []).includes(mark.vowel)) {
      out += `${base}${mark.vowel}${mark.tone}`.normalize('NFC');
      i += 1;
      continue;
    }
    out += base;
  }
  return out;
}

/** Encodes Unicode text as a VNI font's text layer shows it (for tests and the round trip). */
export function encodeVni(text: string): string {
  let out = '';
  for (const char of text.normalize('NFC')) {
    const single = SINGLE_CODES.get(char);
    if (single !== undefined) {
      out += single;
      continue;
    }
    const parts = [...char.normalize('NFD')];
    const letter = parts[0] ?? '';
    const marks = parts.slice(1);
    const vowel = marks.find((m) => m === '\u0302' || m === '\u0306' || m === '\u031b') ?? '';
    const tone = marks.find((m) => (TONES as readonly string[]).includes(m)) ?? '';
    if (marks.length === 0 || !/[aeiouyAEIOUY]/u.test(letter)) {
      out += char;
      continue;
    }
    // ơ/ư with a tone: their single code, then the tone mark.
    const head = vowel === '\u031b' ? (SINGLE_CODES.get(`${letter}\u031b`.normalize('NFC')) ?? letter) : letter;
    const toneIndex = (TONES as readonly string[]).indexOf(tone);
    const set = vowel === '\u0302' ? CIRCUMFLEX_MARKS : vowel === '\u0306' ? BREVE_MARKS : TONE_MARKS;
    const mark = toneIndex < 0 ? (vowel === '\u0302' ? CIRCUMFLEX : vowel === '\u0306' ? BREVE : '') : set[toneIndex];
    if (/[iI]/u.test(letter) || (/[yY]/u.test(letter) && tone === '\u0323')) {
      // Toned i's and ỵ have single codes.
      const code = SINGLE_CODES.get(char);
      out += code ?? char;
      continue;
    }
    const isUpper = letter !== lower(letter);
    out += head + (isUpper ? upper(mark ?? '') : (mark ?? ''));
  }
  return out;
}
