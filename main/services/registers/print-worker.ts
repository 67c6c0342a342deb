import { parentPort, threadId, workerData } from 'node:worker_threads';
import { printRegisterPdf } from './print-register.ts';
import type { PrintWorkerMessage } from './print-in-worker.ts';
import type { PrintableRegister } from '../store/register-rows.ts';

/**
 * Lays out a register PDF away from the main thread: a year of a busy office is thousands of
 * rows and pdf-lib's work is synchronous, so on the main thread it would freeze the window.
 */
const port = parentPort;
if (port === null) {
  throw new Error('print-worker must run in a worker thread');
}
const send = (message: PrintWorkerMessage, transfer: ArrayBuffer[] = []): void => port.postMessage(message, transfer);

// A promise chain rather than top-level await: the Electron bundle of this worker is CommonJS.
printRegisterPdf(workerData as PrintableRegister, (done, total) => send({ type: 'progress', done, total })).then(
  (bytes) => {
    // Hand the buffer over instead of copying it (a long register is megabytes).
    const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    send({ type: 'done', bytes: buffer, threadId }, [buffer]);
  },
  (error: unknown) => send({ type: 'failed', message: error instanceof Error ? error.message : String(error) }),
);
