import { detectEncoding, toUnicode } from '../../domain/legacy/detect.ts';
import type { FontItem } from './model.ts';

/**
 * Converts the text of TCVN3 and VNI fonts to Unicode (TCVN 6909:2001, S-TN24 Điều 3 k9) so the
 * metadata reader, the rules and search see Vietnamese, not "Céng hßa". Each font is judged on
 * all its text in the document; Unicode fonts are returned untouched.
 */
export function decodeLegacyFonts(pages: ReadonlyArray<readonly FontItem[]>): FontItem[][] {
  const byFont = new Map<string, { name: string; texts: string[] }>();
  for (const item of pages.flat()) {
    const key = item.fontId ?? item.font;
    const entry = byFont.get(key) ?? { name: item.font, texts: [] };
    entry.texts.push(item.str);
    byFont.set(key, entry);
  }
  const guesses = new Map(
    [...byFont].map(([key, f]) => [key, { name: f.name, guess: detectEncoding(f.texts, f.name) }]),
  );
  return pages.map((items) =>
    items.map((item) => {
      const font = guesses.get(item.fontId ?? item.font);
      const guess = font?.guess;
      if (guess === undefined || guess.encoding === 'unicode') {
        return item;
      }
      return {
        ...item,
        str: toUnicode(item.str, guess.encoding, font?.name ?? ''),
        legacy: { encoding: guess.encoding, confidence: guess.confidence },
      };
    }),
  );
}
