import { foldVietnamese } from './fold.ts';

export const MAX_FILE_BASE_LENGTH = 50;

/**
 * A file name the provincial systems accept: ASCII letters and digits only, at most 50
 * characters, no diacritics [S-NB22 Điều 8 k4]. Words keep a capital initial so the name stays
 * readable: "Quyết định số 15/QĐ-UBND" → "QuyetDinhSo15QDUBND". Whether the 50 include the
 * extension is unconfirmed; we count the base name only and keep a short alphanumeric extension.
 */
export function exportFileName(title: string, extension = 'pdf'): string {
  const words = foldVietnamese(title)
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '');
  // Keep the original casing hint: all-caps abbreviations (QĐ, UBND) stay upper case.
  const originalWords = title
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .split(/[^A-Za-z0-9]+/)
    .filter((w) => w !== '');
  const parts = words.map((word, i) => {
    const original = originalWords[i] ?? word;
    return original === original.toUpperCase() && /[A-Z]/.test(original)
      ? original
      : word.charAt(0).toUpperCase() + word.slice(1);
  });
  const joined = (parts.join('') || 'VanBan').slice(0, MAX_FILE_BASE_LENGTH);
  const base = isWindowsReservedName(joined) ? `${joined}VanBan` : joined;
  const ext = extension
    .replace(/[^A-Za-z0-9]/g, '')
    .slice(0, 8)
    .toLowerCase();
  return ext === '' ? base : `${base}.${ext}`;
}

/**
 * Names Windows reserves for devices, with or without an extension ("Con.pdf" cannot be
 * created there): a title such as "Con" or "Nul" must not become one.
 */
export function isWindowsReservedName(base: string): boolean {
  return /^(con|prn|aux|nul|com[1-9]|lpt[1-9])$/i.test(base);
}

export function isValidExportFileName(name: string): boolean {
  return /^[A-Za-z0-9]{1,50}(\.[A-Za-z0-9]{1,8})?$/.test(name) && !isWindowsReservedName(name.split('.')[0] ?? '');
}
