import { Worker } from 'node:worker_threads';
import { entryScript } from '../../../native/entry-script.ts';
import { VanthuError } from '../../../preload/contract/errors.ts';
import { errorMessageVi } from '../../../preload/contract/error-messages.vi.ts';
import { type PrintProgress } from './print-register.ts';
import type { PrintableRegister } from '../store/register-rows.ts';

export type PrintWorkerMessage =
  | { readonly type: 'progress'; readonly done: number; readonly total: number }
  | { readonly type: 'done'; readonly bytes: ArrayBuffer; readonly threadId: number }
  | { readonly type: 'failed'; readonly message: string };

export interface PrintedRegister {
  readonly bytes: Uint8Array;
  /** The thread that laid the PDF out (never the caller's). */
  readonly threadId: number;
}

/**
 * Print a register in a worker thread of its own, reporting progress per page. The store
 * worker only reads the rows (fast); layout runs here so neither the UI's event loop nor the
 * database queue waits for it.
 */
export function printRegisterInWorker(
  register: PrintableRegister,
  onProgress?: PrintProgress,
): Promise<PrintedRegister> {
  // From source Node runs the sibling .ts; the Electron bundle ships print-worker.cjs beside main.cjs.
  const script = entryScript('./print-worker.ts', 'print-worker.cjs', import.meta.url, () => __dirname);
  return new Promise((resolve, reject) => {
    const worker = new Worker(script, { workerData: register });
    let settled = false;
    const fail = (detail: string): void => {
      if (!settled) {
        settled = true;
        reject(new VanthuError('FILE_WRITE_FAILED', errorMessageVi('FILE_WRITE_FAILED', `(in sổ: ${detail})`)));
      }
    };
    worker.on('message', (message: PrintWorkerMessage) => {
      if (message.type === 'progress') {
        onProgress?.(message.done, message.total);
      } else if (message.type === 'done') {
        settled = true;
        resolve({ bytes: new Uint8Array(message.bytes), threadId: message.threadId });
      } else {
        fail(message.message);
      }
    });
    worker.on('error', (error) => fail(error.message));
    worker.on('exit', (code) => fail(`luồng in dừng (mã ${code})`));
  });
}
