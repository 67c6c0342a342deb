import { lineKey, type TextLine } from '../../domain/nd30/text-lines.ts';
import type { DraftPage, FontItem } from '../the-thuc/model.ts';
import type { OcrPage, OcrWord } from './ocr-model.ts';

/** OCR knows no faces: its items are named so, and never bold. */
export const OCR_FONT = 'OCR';

/**
 * A gap wider than this (in ems) inside a Tesseract line separates two columns: Tesseract joins
 * "ỦY BAN NHÂN DÂN TỈNH" and "CỘNG HÒA XÃ HỘI …" into one line, about 2 em apart, while a word
 * space is under half an em.
 */
const COLUMN_GAP_EM = 1.2;

/**
 * An OCR page as the text-layer readers see a PDF page, so the metadata reader (#21 point 2)
 * reads scans unchanged: each word is an item, each Tesseract line (split at column gaps) a line.
 */
export function ocrDraftPage(page: OcrPage): DraftPage {
  const lines: TextLine[] = [];
  let run: OcrWord[] = [];
  const flush = (): void => {
    if (run.length > 0) {
      lines.push(toLine(run));
      run = [];
    }
  };
  for (const word of page.words) {
    const last = run[run.length - 1];
    if (last !== undefined && (word.line !== last.line || word.x0 - last.x1 > COLUMN_GAP_EM * word.size)) {
      flush();
    }
    run.push(word);
  }
  flush();
  lines.sort((a, b) => b.y - a.y || a.x0 - b.x0);
  return {
    pageIndex: page.pageIndex,
    width: page.width,
    height: page.height,
    items: lines.flatMap((l) => l.items as readonly FontItem[]),
    lines,
    rules: [],
  };
}

function toLine(words: readonly OcrWord[]): TextLine {
  const items: FontItem[] = words.map((w) => ({
    str: w.text,
    x: w.x0,
    y: w.y,
    width: w.x1 - w.x0,
    size: w.size,
    font: OCR_FONT,
    bold: false,
  }));
  const text = words
    .map((w) => w.text)
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
  return {
    text,
    key: lineKey(text),
    x0: Math.min(...words.map((w) => w.x0)),
    x1: Math.max(...words.map((w) => w.x1)),
    y: words.reduce((s, w) => s + w.y, 0) / words.length,
    size: Math.max(...words.map((w) => w.size)),
    items,
  };
}

/** The text kept for search: every page's text, pages apart by a form feed. */
export function ocrText(pages: readonly OcrPage[]): string {
  return pages.map((p) => p.text.trim()).join('\n\f\n');
}
