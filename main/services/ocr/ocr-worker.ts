import { fileURLToPath } from 'node:url';
import { parentPort, threadId, workerData } from 'node:worker_threads';
import { ocrAssets } from './ocr-assets.ts';
import { OCR_DPI, type OcrInputKind, type OcrPage } from './ocr-model.ts';
import { openPages } from './page-images.ts';
import { recognizePages } from './recognize.ts';

export interface OcrWorkerInput {
  readonly bytes: Uint8Array;
  readonly kind: OcrInputKind;
  readonly dpi?: number;
}

export type OcrWorkerMessage =
  | { readonly type: 'progress'; readonly done: number; readonly total: number }
  | { readonly type: 'done'; readonly pages: readonly OcrPage[]; readonly threadId: number }
  | { readonly type: 'failed'; readonly code: string | undefined; readonly message: string };

/**
 * Renders and reads a scan away from the main thread: a page costs seconds of pdf.js and
 * Tesseract work, and a 20-page scan on the main thread would freeze the window for minutes.
 * Cancelling terminates this thread, which ends Tesseract's own thread with it.
 */
const port = parentPort;
if (port === null) {
  throw new Error('ocr-worker must run in a worker thread');
}
const input = workerData as OcrWorkerInput;
const send = (message: OcrWorkerMessage): void => port.postMessage(message);
// The build defines import.meta.url in this bundle (scripts/bundles.ts): pdf.js needs it to find its canvas.
const self = fileURLToPath(import.meta.url);

// A promise chain rather than top-level await: the Electron bundle of this worker is CommonJS.
openPages(input.bytes, input.kind, input.dpi ?? OCR_DPI)
  .then(async (source) => {
    try {
      return await recognizePages(source, ocrAssets(self), (done, total) => send({ type: 'progress', done, total }));
    } finally {
      await source.close();
    }
  })
  .then(
    (pages) => send({ type: 'done', pages, threadId }),
    (error: unknown) =>
      send({
        type: 'failed',
        code: (error as { code?: string }).code,
        message: error instanceof Error ? error.message : String(error),
      }),
  );
