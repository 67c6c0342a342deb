/**
 * Fold Vietnamese text for search: lower case, diacritics removed and đ → d, so a clerk who
 * types "quyet dinh so 15" finds "Quyết định số 15". Unicode decomposition strips the tone and
 * vowel marks; đ is a letter of its own (it has no decomposition) and needs the explicit map.
 */
export function foldVietnamese(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .normalize('NFC');
}
