import { createWorker, OEM, type Line, type Page } from 'tesseract.js';
import type { OcrAssets } from './ocr-assets.ts';
import type { OcrPage, OcrProgress, OcrWord } from './ocr-model.ts';
import type { PageImage, PageSource } from './page-images.ts';

/**
 * Reads every page with Tesseract (LSTM engine, Vietnamese model), one page at a time.
 * `cacheMethod: 'none'`: the model is read from `langPath` and never written elsewhere (the
 * default would copy it to the working directory).
 */
export async function recognizePages(
  source: PageSource,
  assets: OcrAssets,
  onProgress: OcrProgress,
): Promise<OcrPage[]> {
  const worker = await createWorker('vie', OEM.LSTM_ONLY, {
    langPath: assets.langPath,
    gzip: true,
    cacheMethod: 'none',
    ...(assets.workerPath === undefined ? {} : { workerPath: assets.workerPath }),
  });
  try {
    const pages: OcrPage[] = [];
    onProgress(0, source.count);
    for (let i = 0; i < source.count; i += 1) {
      const image = await source.page(i);
      const { data } = await worker.recognize(Buffer.from(image.png), {}, { text: true, blocks: true });
      pages.push(toOcrPage(i, image, data));
      onProgress(i + 1, source.count);
    }
    return pages;
  } finally {
    await worker.terminate();
  }
}

/** Tesseract's pixel boxes (origin top-left) to points in the visual frame (origin bottom-left). */
export function toOcrPage(pageIndex: number, image: PageImage, data: Page): OcrPage {
  const words: OcrWord[] = [];
  let lineNo = 0;
  for (const block of data.blocks ?? []) {
    for (const paragraph of block.paragraphs) {
      for (const line of paragraph.lines) {
        words.push(...lineWords(line, lineNo, image));
        lineNo += 1;
      }
    }
  }
  const confidence = words.length === 0 ? 0 : words.reduce((s, w) => s + w.confidence, 0) / words.length;
  return { pageIndex, width: image.width, height: image.height, text: data.text.normalize('NFC'), words, confidence };
}

function lineWords(line: Line, lineNo: number, image: PageImage): OcrWord[] {
  const { baseline, rowAttributes } = line;
  const slope = baseline.x1 === baseline.x0 ? 0 : (baseline.y1 - baseline.y0) / (baseline.x1 - baseline.x0);
  const size = rowAttributes.rowHeight / image.scale;
  return line.words
    .filter((w) => w.text.trim() !== '')
    .map((w) => {
      // The baseline under the word's left end (a scan is rarely quite straight).
      const basePx = baseline.y0 + slope * (w.bbox.x0 - baseline.x0);
      return {
        text: w.text.normalize('NFC'),
        x0: w.bbox.x0 / image.scale,
        x1: w.bbox.x1 / image.scale,
        y: image.height - basePx / image.scale,
        size,
        confidence: w.confidence,
        line: lineNo,
      };
    });
}
