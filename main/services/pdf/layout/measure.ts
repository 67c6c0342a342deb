import fontkit from '@cantoo/fontkit';
import { loadFontBytes } from '../stamp/font.ts';

type Measurer = (text: string, size: number) => number;
let measurer: Promise<Measurer> | undefined;

/** Width of a line in the appearance font (Liberation Serif regular), for sizing text boxes. */
export async function textWidth(text: string, size: number): Promise<number> {
  measurer ??= loadFontBytes('regular').then((bytes) => {
    const font = fontkit.create(bytes) as unknown as {
      unitsPerEm: number;
      layout(s: string): { advanceWidth: number };
    };
    return (t: string, s: number) => (font.layout(t.normalize('NFC')).advanceWidth * s) / font.unitsPerEm;
  });
  return (await measurer)(text, size);
}
