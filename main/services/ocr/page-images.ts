import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
// Registers pdfjs's fake worker in-process: this module already runs in the OCR worker thread.
import 'pdfjs-dist/legacy/build/pdf.worker.mjs';
import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** The DOM context type pdf.js names; in Node it is @napi-rs/canvas's, which draws the same calls. */
type RenderContext = NonNullable<Parameters<PDFPageProxy['render']>[0]['canvasContext']>;
import { errorMessageVi, VanthuError } from '../../../preload/contract/index.ts';
import type { OcrInputKind } from './ocr-model.ts';

/** One page as an image for Tesseract, with the page size it stands for (points). */
export interface PageImage {
  readonly png: Uint8Array;
  readonly width: number;
  readonly height: number;
  /** Image pixels per point. */
  readonly scale: number;
}

/** A4 width: a PNG scan says nothing reliable about its size, and the documents are A4 (NĐ 30 Điều 9). */
const A4_WIDTH_PT = 595.28;

/** The pages of the input, rendered one at a time (a 20-page scan at 200 dpi never sits in memory at once). */
export interface PageSource {
  readonly count: number;
  page(index: number): Promise<PageImage>;
  close(): Promise<void>;
}

export async function openPages(bytes: Uint8Array, kind: OcrInputKind, dpi: number): Promise<PageSource> {
  return kind === 'png' ? pngSource(bytes) : pdfSource(await openPdf(bytes), dpi);
}

function pngSource(png: Uint8Array): PageSource {
  // IHDR: width and height are the big-endian words at bytes 16 and 20.
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  if (png.byteLength < 24) {
    throw new VanthuError('INVALID_INPUT', errorMessageVi('INVALID_INPUT', 'Ảnh PNG hỏng.'));
  }
  const px = view.getUint32(16);
  const scale = px / A4_WIDTH_PT;
  return {
    count: 1,
    page: () => Promise.resolve({ png, width: A4_WIDTH_PT, height: view.getUint32(20) / scale, scale }),
    close: () => Promise.resolve(),
  };
}

async function openPdf(bytes: Uint8Array): Promise<PDFDocumentProxy> {
  try {
    return await getDocument({ data: new Uint8Array(bytes), verbosity: 0, useSystemFonts: false }).promise;
  } catch (cause) {
    const code = (cause as { name?: string }).name === 'PasswordException' ? 'PDF_ENCRYPTED' : 'PDF_MALFORMED';
    throw new VanthuError(code, errorMessageVi(code), { cause });
  }
}

interface NodeCanvas {
  encode(format: 'png'): Promise<Buffer>;
}
interface CanvasAndContext {
  canvas: NodeCanvas;
  context: unknown;
}
interface CanvasFactory {
  create(width: number, height: number): CanvasAndContext;
  destroy(pair: CanvasAndContext): void;
}

function pdfSource(pdf: PDFDocumentProxy, dpi: number): PageSource {
  const scale = dpi / 72;
  // pdf.js's own canvas factory (@napi-rs/canvas in Node), so this module names no canvas package.
  const factory = pdf.canvasFactory as CanvasFactory;
  return {
    count: pdf.numPages,
    async page(index) {
      const page = await pdf.getPage(index + 1);
      // The visual frame: a /Rotate page is rendered upright, as a person reads it.
      const viewport = page.getViewport({ scale });
      const width = Math.ceil(viewport.width);
      const height = Math.ceil(viewport.height);
      const pair = factory.create(width, height);
      try {
        await page.render({
          canvas: null,
          canvasContext: pair.context as RenderContext,
          viewport,
          background: 'white',
        }).promise;
        const png = new Uint8Array(await pair.canvas.encode('png'));
        return { png, width: viewport.width / scale, height: viewport.height / scale, scale };
      } finally {
        factory.destroy(pair);
        page.cleanup();
      }
    },
    close: () => pdf.loadingTask.destroy(),
  };
}
