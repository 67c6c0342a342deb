import { parentPort, workerData } from 'node:worker_threads';
import type { Report } from '../../../preload/contract/reports.ts';
import { printReportPdf } from './print-report.ts';

/** Lays the report PDF out away from the main thread (pdf-lib's work is synchronous). */
const port = parentPort;
if (port === null) {
  throw new Error('report-print-worker must run in a worker thread');
}
const { report, organization } = workerData as { report: Report; organization: string };
// A promise chain rather than top-level await: the Electron bundle of this worker is CommonJS.
printReportPdf(report, organization).then(
  (bytes) => {
    const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    port.postMessage({ type: 'done', bytes: buffer }, [buffer]);
  },
  (error: unknown) =>
    port.postMessage({ type: 'failed', message: error instanceof Error ? error.message : String(error) }),
);
