import { describe, expect, it } from 'vitest';
import { detectEncoding, isUpperCaseFont, toUnicode } from '../../../main/domain/legacy/detect.ts';
import { isVietnameseSyllable } from '../../../main/domain/legacy/syllable.ts';
import { decodeTcvn3, encodeTcvn3, TCVN3_CODES, TCVN3_LETTERS } from '../../../main/domain/legacy/tcvn3.ts';
import { decodeVni, encodeVni } from '../../../main/domain/legacy/vni.ts';

const TONES = ['', '\u0300', '\u0309', '\u0303', '\u0301', '\u0323'];
const VOWELS = ['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y'];
/** Every lower-case Vietnamese letter with a mark: 12 vowels × 5 tones, ăâêôơư, đ. */
const MARKED_LOWER = [
  ...VOWELS.flatMap((v) => TONES.map((t) => `${v}${t}`.normalize('NFC'))).filter((l) => !/^[aeiouy]$/u.test(l)),
  'đ',
];
const MARKED_UPPER = MARKED_LOWER.map((l) => l.toLocaleUpperCase('vi'));

const PASSAGE =
  'Cộng hòa xã hội chủ nghĩa Việt Nam. Độc lập - Tự do - Hạnh phúc. Số: 69/2024/QĐ-UBND. Quyết định về việc ' +
  'thành lập Ban chỉ đạo; trưởng phòng nước sạch ưu tiên thực hiện trong thời hạn 10 ngày làm việc.';

describe('TCVN3 (ABC) table', () => {
  it('has a code for every lower-case marked letter and the seven capitals, each code once', () => {
    expect(MARKED_LOWER).toHaveLength(67);
    for (const letter of MARKED_LOWER) {
      expect(TCVN3_CODES.get(letter), letter).toBeGreaterThanOrEqual(0xa1);
    }
    expect([...'ĂÂÊÔƠƯĐ'].map((l) => TCVN3_CODES.get(l))).toEqual([0xa1, 0xa2, 0xa3, 0xa4, 0xa5, 0xa6, 0xa7]);
    expect(TCVN3_LETTERS.size).toBe(TCVN3_CODES.size);
    // Anchors from the published chart.
    expect(TCVN3_CODES.get('á')).toBe(0xb8);
    expect(TCVN3_CODES.get('ộ')).toBe(0xe9);
    expect(TCVN3_CODES.get('ỵ')).toBe(0xfe);
  });

  it('round-trips every code: byte → letter → byte', () => {
    for (const [code, letter] of TCVN3_LETTERS) {
      const layer = String.fromCharCode(code);
      expect(decodeTcvn3(layer), `0x${code.toString(16)}`).toBe(letter);
      expect(encodeTcvn3(letter)).toBe(layer);
    }
  });

  it('round-trips every letter in a word, lower case and (through an "H" font) upper case', () => {
    for (const letter of MARKED_LOWER) {
      const word = `t${letter}n`;
      expect(decodeTcvn3(encodeTcvn3(word))).toBe(word);
      const upper = word.toLocaleUpperCase('vi');
      expect(decodeTcvn3(encodeTcvn3(upper), { upper: true })).toBe(upper);
    }
  });

  it('reads the ư that a WinAnsi reader shows as a hyphen, and keeps the real hyphens', () => {
    expect(toUnicode('tr-ëng phßng, n-íc, -u tiªn, t-', 'tcvn3')).toBe('trưởng phòng, nước, ưu tiên, tư');
    expect(toUnicode('Q§-UBND; kinh tÕ-x· héi; Tù do - H¹nh phóc', 'tcvn3')).toBe(
      'QĐ-UBND; kinh tế-xã hội; Tự do - Hạnh phúc',
    );
  });

  it('reads µ as pdf.js gives it (Greek μ)', () => {
    expect(toUnicode('thμnh', 'tcvn3')).toBe('thành');
  });
});

describe('VNI Windows table', () => {
  it('round-trips every letter, both cases, alone and in a word', () => {
    for (const letter of [...MARKED_LOWER, ...MARKED_UPPER]) {
      expect(decodeVni(encodeVni(letter)), letter).toBe(letter);
      const word = `th${letter}ng`;
      expect(decodeVni(encodeVni(word)), word).toBe(word);
    }
  });

  it('encodes by the published chart: a base letter and a mark after it', () => {
    expect(encodeVni('á')).toBe('aù');
    expect(encodeVni('Cộng hòa')).toBe('Coäng hoøa');
    expect(encodeVni('Độc lập - Tự do')).toBe('Ñoäc laäp - Töï do');
    expect(encodeVni('nghĩa Ắ')).toBe('nghóa AÉ');
  });
});

describe('detection by character statistics', () => {
  it('finds TCVN3 and VNI and converts the passage back exactly', () => {
    const tcvn3 = encodeTcvn3(PASSAGE);
    const vni = encodeVni(PASSAGE);
    const t = detectEncoding([tcvn3]);
    const v = detectEncoding([vni]);
    expect(t.encoding).toBe('tcvn3');
    expect(v.encoding).toBe('vni');
    expect(t.confidence).toBeGreaterThanOrEqual(0.8);
    expect(v.confidence).toBeGreaterThanOrEqual(0.8);
    expect(toUnicode(tcvn3, 'tcvn3')).toBe(PASSAGE);
    expect(toUnicode(vni, 'vni')).toBe(PASSAGE);
  });

  it('never takes real Unicode for a legacy encoding', () => {
    for (const text of [
      PASSAGE,
      'Toà án nhân dân', // only Latin-1 letters, still Unicode
      'hoá đơn',
      'Kính gửi: Sở Tài chính',
      'Café résumé naïve Ñandú', // foreign words with Latin-1 letters
      '15/QĐ-UBND',
      'Plain ASCII text',
    ]) {
      expect(detectEncoding([text]).encoding, text).toBe('unicode');
    }
  });

  it('needs evidence: a single ambiguous word is not converted, a font name lowers the bar', () => {
    expect(detectEncoding(['Sè:']).encoding).toBe('unicode');
    expect(detectEncoding(['Sè: 15/Q§-UBND'], '.VnTime').encoding).toBe('tcvn3');
    expect(isUpperCaseFont('.VnTimeH')).toBe(true);
    expect(isUpperCaseFont('.VnTime')).toBe(false);
    expect(toUnicode('quyÕt ®Þnh', 'tcvn3', '.VnTimeH,Bold')).toBe('QUYẾT ĐỊNH');
  });

  it('grows more confident with more words', () => {
    const few = detectEncoding([encodeTcvn3('Cộng hòa xã hội')]);
    const many = detectEncoding([encodeTcvn3(PASSAGE)]);
    expect(few.encoding).toBe('tcvn3');
    expect(many.confidence).toBeGreaterThan(few.confidence);
  });

  it('judges syllables leniently but refuses mojibake', () => {
    expect(isVietnameseSyllable('nghiêng')).toBe(true);
    expect(isVietnameseSyllable('trưởng')).toBe(true);
    expect(isVietnameseSyllable('nghÜa')).toBe(false);
    expect(isVietnameseSyllable('chñ')).toBe(false);
    expect(isVietnameseSyllable('tếưxã')).toBe(false);
  });
});
