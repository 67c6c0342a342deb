import { Worker } from 'node:worker_threads';
import { entryScript } from '../../../native/entry-script.ts';
import { ERROR_CODES, errorMessageVi, VanthuError, type ErrorCode } from '../../../preload/contract/index.ts';
import type { OcrInputKind, OcrProgress, OcrResult } from './ocr-model.ts';
import type { OcrWorkerInput, OcrWorkerMessage } from './ocr-worker.ts';

export interface OcrRun {
  readonly kind: OcrInputKind;
  readonly dpi?: number;
  readonly onProgress?: OcrProgress;
  /** Aborting ends the worker at once (Tesseract cannot stop inside a page otherwise). */
  readonly signal?: AbortSignal;
}

export interface OcrOutcome extends OcrResult {
  /** The thread that read the pages (never the caller's). */
  readonly threadId: number;
}

/** Reads a scan in a worker thread of its own, reporting progress per page; cancellable. */
export function ocrInWorker(bytes: Uint8Array, run: OcrRun): Promise<OcrOutcome> {
  // From source Node runs the sibling .ts; the Electron bundle ships ocr-worker.cjs beside main.cjs.
  const script = entryScript('./ocr-worker.ts', 'ocr-worker.cjs', import.meta.url, () => __dirname);
  const input: OcrWorkerInput = { bytes, kind: run.kind, ...(run.dpi === undefined ? {} : { dpi: run.dpi }) };
  return new Promise((resolve, reject) => {
    if (run.signal?.aborted === true) {
      reject(cancelled());
      return;
    }
    const worker = new Worker(script, { workerData: input });
    let settled = false;
    const settle = (error: VanthuError | null, value?: OcrOutcome): void => {
      if (settled) {
        return;
      }
      settled = true;
      run.signal?.removeEventListener('abort', abort);
      void worker.terminate();
      if (error === null && value !== undefined) {
        resolve(value);
      } else {
        reject(error ?? failed('no result'));
      }
    };
    const abort = (): void => settle(cancelled());
    run.signal?.addEventListener('abort', abort, { once: true });
    worker.on('message', (message: OcrWorkerMessage) => {
      if (message.type === 'progress') {
        run.onProgress?.(message.done, message.total);
      } else if (message.type === 'done') {
        settle(null, { pages: message.pages, threadId: message.threadId });
      } else {
        settle(failed(message.message, message.code));
      }
    });
    worker.on('error', (error) => settle(failed(error.message)));
    worker.on('exit', (code) => settle(failed(`luồng OCR dừng (mã ${code})`)));
  });
}

function cancelled(): VanthuError {
  return new VanthuError('OCR_CANCELLED', errorMessageVi('OCR_CANCELLED'));
}

/** A PDF the reader refused keeps its own code; anything else is the OCR's failure. */
function failed(detail: string, code?: string): VanthuError {
  const known = (ERROR_CODES as readonly string[]).includes(code ?? '') ? (code as ErrorCode) : 'OCR_FAILED';
  return new VanthuError(known, errorMessageVi(known, `(${detail})`));
}
