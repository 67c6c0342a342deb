import { randomInt } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PDFDocument, PDFFont } from '@cantoo/pdf-lib';

/**
 * Liberation Serif (OFL, metric-compatible with Times New Roman, full Vietnamese coverage),
 * shipped in assets/fonts. ND30 asks for Times New Roman; Liberation keeps the same widths.
 */
export type FontStyle = 'regular' | 'bold' | 'italic';

const FILES: Readonly<Record<FontStyle, string>> = {
  regular: 'LiberationSerif-Regular.ttf',
  bold: 'LiberationSerif-Bold.ttf',
  italic: 'LiberationSerif-Italic.ttf',
};
const POSTSCRIPT: Readonly<Record<FontStyle, string>> = {
  regular: 'LiberationSerif',
  bold: 'LiberationSerif-Bold',
  italic: 'LiberationSerif-Italic',
};

let fontDir: string | undefined;
const cache = new Map<FontStyle, Promise<Uint8Array>>();

/** Where the shipped fonts are when the default guess does not fit (an unusual package layout). */
export function setFontDir(dir: string): void {
  fontDir = dir;
  cache.clear();
}

function defaultFontDir(): string {
  // Node runs the TypeScript sources: the fonts are at the repository's assets/fonts.
  if (typeof import.meta.url === 'string' && import.meta.url !== '') {
    return fileURLToPath(new URL('../../../../assets/fonts/', import.meta.url));
  }
  // The esbuild CommonJS bundle in dist/electron/ (import.meta is empty there): assets/ is beside dist/.
  return join(__dirname, '..', '..', 'assets', 'fonts');
}

export function loadFontBytes(style: FontStyle): Promise<Uint8Array> {
  let bytes = cache.get(style);
  if (bytes === undefined) {
    fontDir ??= defaultFontDir();
    bytes = readFile(join(fontDir, FILES[style])).then((b) => new Uint8Array(b));
    cache.set(style, bytes);
  }
  return bytes;
}

/**
 * Six random upper-case letters. pdf-lib's own suffix comes from an RNG seeded per document,
 * so every increment would reuse the same subset name for different glyph sets (pitfall P9).
 */
export function randomSubsetTag(): string {
  let tag = '';
  for (let i = 0; i < 6; i += 1) {
    tag += String.fromCharCode(65 + randomInt(26));
  }
  return tag;
}

/** Embeds a fresh subset of the font under a unique `ABCDEF+LiberationSerif` name. */
export async function embedVnFont(doc: PDFDocument, style: FontStyle = 'regular'): Promise<PDFFont> {
  // Loaded on first use: fontkit with its WOFF2 (brotli) decoder is over 1 MB of code that a
  // signature with an image and no text (the leader's, the seal) never needs.
  const { default: fontkit } = await import('@cantoo/fontkit');
  doc.registerFontkit(fontkit);
  const bytes = await loadFontBytes(style);
  return doc.embedFont(bytes, {
    subset: true,
    customName: `${randomSubsetTag()}+${POSTSCRIPT[style]}`,
    // Ligatures would merge glyphs and make copy-paste of the text less predictable.
    features: { liga: false, rlig: false, clig: false, dlig: false },
  });
}
