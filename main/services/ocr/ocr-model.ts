/**
 * What OCR reads (issue #21 point 3): words with their boxes in the page's visual frame
 * (points, origin bottom-left, as the text-layer readers use), grouped in pages.
 */
export interface OcrWord {
  readonly text: string;
  readonly x0: number;
  readonly x1: number;
  /** Baseline under the word. */
  readonly y: number;
  /** Height of the word's text row: the font size the metadata reader compares line gaps with. */
  readonly size: number;
  /** Tesseract's confidence, 0–100. */
  readonly confidence: number;
  /** Index of the OCR line the word belongs to (words of one line share it). */
  readonly line: number;
}

export interface OcrPage {
  readonly pageIndex: number;
  readonly width: number;
  readonly height: number;
  /** The page's text as Tesseract lays it out (lines, blank lines between blocks). */
  readonly text: string;
  readonly words: readonly OcrWord[];
  /** Mean word confidence, 0–100. */
  readonly confidence: number;
}

export interface OcrResult {
  readonly pages: readonly OcrPage[];
}

/** Called after each page: `done` of `total` pages read. */
export type OcrProgress = (done: number, total: number) => void;

/** What can be read: a PDF (each page rendered) or a PNG image (one page). */
export type OcrInputKind = 'pdf' | 'png';

/** Rendering resolution: 200–300 dpi is what Tesseract is trained for; 200 keeps a page under 5 s. */
export const OCR_DPI = 200;
