/**
 * Whether a word reads as one Vietnamese syllable: an onset, a vowel cluster, an optional coda,
 * at most one tone, nothing but Vietnamese letters. Lenient on purpose ("céng" passes): it tells
 * decoded text from mojibake ("x·", "nghÜa", "chñ"), not good spelling from bad.
 */
const TONES = /[\u0300\u0301\u0303\u0309\u0323]/gu;
/** The vowel clusters Vietnamese spells (nucleus with its glides), longest first. */
const NUCLEI = [
  'iêu',
  'oai',
  'oay',
  'oeo',
  'uây',
  'uôi',
  'ươi',
  'ươu',
  'uyê',
  'yêu',
  'uya',
  'uyu',
  'ai',
  'ao',
  'au',
  'ay',
  'âu',
  'ây',
  'eo',
  'êu',
  'ia',
  'iê',
  'iu',
  'oa',
  'oă',
  'oe',
  'oi',
  'ôi',
  'ơi',
  'oo',
  'ua',
  'uâ',
  'uê',
  'ui',
  'uô',
  'uơ',
  'uy',
  'ưa',
  'ưi',
  'ưu',
  'ươ',
  'yê',
  'a',
  'ă',
  'â',
  'e',
  'ê',
  'i',
  'o',
  'ô',
  'ơ',
  'u',
  'ư',
  'y',
];
const SYLLABLE = new RegExp(
  `^(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnpqrstvx])?(${NUCLEI.join('|')})(ch|ng|nh|[cmnpt])?$`,
  'u',
);

export function isVietnameseSyllable(word: string): boolean {
  const decomposed = word.normalize('NFD');
  const tones = decomposed.match(TONES)?.length ?? 0;
  if (tones > 1) {
    return false;
  }
  const bare = decomposed.replace(TONES, '').normalize('NFC').toLowerCase();
  return SYLLABLE.test(bare);
}

/**
 * A run of letters is fine as decoded text if it is a syllable, or an upper-case abbreviation
 * ("QĐ", "UBND", "HĐND") of Vietnamese letters only.
 */
export function isVietnameseWord(word: string): boolean {
  if (isVietnameseSyllable(word)) {
    return true;
  }
  return word === word.toUpperCase() && /^[A-ZĂÂĐÊÔƠƯ]+$/u.test(word);
}
