import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { entryScript } from '../../../native/entry-script.ts';
import { errorMessageVi, VanthuError } from '../../../preload/contract/index.ts';
import type { Report } from '../../../preload/contract/reports.ts';
import { reportWorkbook } from './report-xlsx.ts';
import { writeFileAtomicSync } from '../disk/atomic-write.ts';

/** Print the report in a worker thread of its own, like the registers. */
export function printReportInWorker(report: Report, organization: string): Promise<Uint8Array> {
  const script = entryScript('./report-print-worker.ts', 'report-print-worker.cjs', import.meta.url, () => __dirname);
  return new Promise((resolve, reject) => {
    const worker = new Worker(script, { workerData: { report, organization } });
    let settled = false;
    worker.on('message', (message: { type: 'done'; bytes: ArrayBuffer } | { type: 'failed'; message: string }) => {
      settled = true;
      void worker.terminate();
      if (message.type === 'done') {
        resolve(new Uint8Array(message.bytes));
      } else {
        reject(failed(message.message));
      }
    });
    worker.on('error', (error) => {
      if (!settled) {
        settled = true;
        reject(failed(error.message));
      }
    });
  });
}

function failed(detail: string): VanthuError {
  return new VanthuError('FILE_WRITE_FAILED', errorMessageVi('FILE_WRITE_FAILED', `(in báo cáo: ${detail})`));
}

/** `bao-cao-2027-01-01-2027-12-31[-don-vi].ext`: the period in the name, no characters a file system refuses. */
export function reportFileName(report: Report, ext: 'xlsx' | 'pdf'): string {
  const unit =
    report.department === ''
      ? ''
      : `-${report.department
          .normalize('NFD')
          .replace(/[\u0300-\u036f]/g, '')
          .replace(/đ/gi, 'd')
          .replace(/[^A-Za-z0-9]+/g, '-')
          .replace(/^-|-$/g, '')
          .toLowerCase()}`;
  return `bao-cao-${report.from}-${report.to}${unit}.${ext}`;
}

/** Written atomically into the profile's `bao-cao` folder; the name is what the person sees. */
export function saveReportFile(
  profileRoot: string,
  fileName: string,
  bytes: Uint8Array,
): { fileName: string; bytes: number } {
  const dir = join(profileRoot, 'bao-cao');
  mkdirSync(dir, { recursive: true });
  const target = join(dir, fileName);
  writeFileAtomicSync(target, bytes);
  return { fileName, bytes: bytes.byteLength };
}

export async function exportReportXlsx(
  profileRoot: string,
  report: Report,
): Promise<{ fileName: string; bytes: number }> {
  return saveReportFile(profileRoot, reportFileName(report, 'xlsx'), await reportWorkbook(report));
}
