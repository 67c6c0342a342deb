import { concatTransformationMatrix } from '@cantoo/pdf-lib';
import type { PDFDocument, PDFFont, PDFPage } from '@cantoo/pdf-lib';
import { degrees } from '@cantoo/pdf-lib';
import { uprightMatrix, type Matrix, type PageRotation } from '../../../main/domain/nd30/rotation.ts';
import type { Rect } from '../../../main/services/pdf/placement.ts';

/** A4 portrait as the reader sees it, in points. */
export const A4 = { width: 595.28, height: 841.89 } as const;

export interface Fonts {
  readonly regular: PDFFont;
  readonly bold: PDFFont;
  readonly italic: PDFFont;
}

export interface TextStyle {
  readonly font: keyof Fonts;
  readonly size: number;
}

/**
 * How a line is written in a font that is not Unicode (tests of TCVN3/VNI documents): the text
 * as the font's bytes, and the font that draws them.
 */
export type LineEncoder = (
  text: string,
  style: TextStyle,
) => { text: string; font: PDFFont; /** When the font's marks have no advance. */ width?: number };

/**
 * Draws text on A4 pages in the reader's (visual) frame and reports where each line went in
 * the page's user space. With /Rotate the content is turned so that the page reads upright,
 * like a scanner or a landscape template would produce.
 */
export class PageWriter {
  readonly doc: PDFDocument;
  readonly fonts: Fonts;
  readonly rotation: PageRotation;
  pageIndex = -1;
  private page: PDFPage | undefined;
  private matrix: Matrix = [1, 0, 0, 1, 0, 0];

  private readonly encoder: LineEncoder;

  constructor(doc: PDFDocument, fonts: Fonts, rotation: PageRotation, encoder?: LineEncoder) {
    this.doc = doc;
    this.fonts = fonts;
    this.rotation = rotation;
    this.encoder = encoder ?? ((text, style) => ({ text, font: this.fonts[style.font] }));
  }

  newPage(): void {
    const turned = this.rotation === 90 || this.rotation === 270;
    const w = turned ? A4.height : A4.width;
    const h = turned ? A4.width : A4.height;
    this.page = this.doc.addPage([w, h]);
    this.page.setRotation(degrees(this.rotation));
    this.matrix = uprightMatrix(w, h, this.rotation);
    this.page.pushOperators(concatTransformationMatrix(...this.matrix));
    this.pageIndex += 1;
  }

  width(text: string, style: TextStyle): number {
    const drawn = this.encoder(text.normalize('NFC'), style);
    return drawn.width ?? drawn.font.widthOfTextAtSize(drawn.text, style.size);
  }

  /** Draws one line with its left end at x (visual frame); returns its box in user space. */
  textAt(text: string, x: number, baseline: number, style: TextStyle): Rect {
    const page = this.page;
    if (page === undefined) {
      throw new Error('newPage() first');
    }
    const nfc = text.normalize('NFC');
    const drawn = this.encoder(nfc, style);
    page.drawText(drawn.text, { x, y: baseline, size: style.size, font: drawn.font });
    const w = this.width(nfc, style);
    return this.toUser({ x, y: baseline - 0.22 * style.size, width: w, height: style.size });
  }

  centred(text: string, centreX: number, baseline: number, style: TextStyle): Rect {
    return this.textAt(text, centreX - this.width(text, style) / 2, baseline, style);
  }

  /** Maps a visual-frame rectangle into the page's user space (its bounding box). */
  toUser(r: Rect): Rect {
    const [a, b, c, d, e, f] = this.matrix;
    const xs: number[] = [];
    const ys: number[] = [];
    for (const [px, py] of [
      [r.x, r.y],
      [r.x + r.width, r.y + r.height],
    ] as const) {
      xs.push(a * px + c * py + e);
      ys.push(b * px + d * py + f);
    }
    const x = Math.min(...xs);
    const y = Math.min(...ys);
    return { x, y, width: Math.max(...xs) - x, height: Math.max(...ys) - y };
  }
}

/** Greedy word wrap; fine for test documents of a few pages (P20). */
export function wrap(writer: PageWriter, text: string, maxWidth: number, style: TextStyle): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.normalize('NFC').split(/\s+/)) {
    const candidate = line === '' ? word : `${line} ${word}`;
    if (line !== '' && writer.width(candidate, style) > maxWidth) {
      lines.push(line);
      line = word;
    } else {
      line = candidate;
    }
  }
  if (line !== '') {
    lines.push(line);
  }
  return lines;
}
