import { Worker } from 'node:worker_threads';
import { entryScript } from '../../../native/entry-script.ts';
import { errorMessageVi } from '../../../preload/contract/error-messages.vi.ts';
import { VanthuError } from '../../../preload/contract/errors.ts';
import type { Logger } from '../log/logger.ts';
import type { InspectRequest, Inspection, Inspector } from './inspect-file.ts';
import type { InspectWorkerData, InspectWorkerMessage, InspectWorkerRequest } from './inspect-protocol.ts';

export interface InspectWorkerOptions extends InspectWorkerData {
  /** The trust store as the settings say at each request. */
  readonly trustPaths: () => readonly string[];
  readonly log: Logger;
  /** How many times one file may take the worker down before it is reported, not retried. */
  readonly maxAttempts?: number;
  /** Tests: another script (one that crashes on purpose). */
  readonly script?: string;
}

export interface InspectWorker {
  readonly inspect: Inspector;
  /** Quit: the worker ends, the inspection under way and those queued are refused. */
  close(): Promise<void>;
  /** Workers started so far (1 after the first request; more after crashes). */
  started(): number;
}

interface Job {
  readonly id: number;
  readonly request: InspectRequest;
  attempts: number;
  resolve(inspection: Inspection): void;
  reject(error: Error): void;
}

/** A file that took the worker down twice is not judged: the clerk decides, with a reason. */
function crashedInspection(detail: string): Inspection {
  return {
    signatures: [],
    report: null,
    findings: [
      {
        code: 'CHECK_FAILED',
        severity: 'indeterminate',
        message: `Không kiểm tra xong tệp: luồng kiểm tra dừng đột ngột khi đọc tệp này (${detail}).`,
        where: [],
      },
    ],
  };
}

/**
 * The arrival check's inspections in one worker thread, one at a time from a queue. The worker
 * is started at the first request and again after a crash (the file under way is tried again,
 * then reported as not checked), and ended at quit. It does not keep the process alive while
 * nothing is queued, so the CLI exits when its work is done.
 */
export function createInspectWorker(options: InspectWorkerOptions): InspectWorker {
  // From source Node runs the sibling .ts; the Electron and CLI bundles ship inspect-worker.cjs.
  const script =
    options.script ?? entryScript('./inspect-worker.ts', 'inspect-worker.cjs', import.meta.url, () => __dirname);
  const maxAttempts = options.maxAttempts ?? 2;
  const queue: Job[] = [];
  let current: Job | null = null;
  let worker: Worker | null = null;
  let starts = 0;
  let nextId = 1;
  let closed = false;

  function spawn(): Worker {
    starts += 1;
    const data: InspectWorkerData = {
      cacheDir: options.cacheDir,
      evidenceDir: options.evidenceDir,
      filesDir: options.filesDir,
      ...(options.profileKey === undefined ? {} : { profileKey: options.profileKey }),
    };
    const started = new Worker(script, { workerData: data });
    started.on('message', (message: InspectWorkerMessage) => {
      if (message.type === 'log') {
        options.log[message.level](message.event, message.fields);
        return;
      }
      const job = current;
      if (job === null || job.id !== message.id) {
        return;
      }
      current = null;
      if (message.type === 'done') {
        job.resolve(message.inspection);
      } else {
        job.reject(new VanthuError('VERIFY_FAILED', errorMessageVi('VERIFY_FAILED', message.message)));
      }
      pump();
    });
    let gone = false;
    const lost = (detail: string): void => {
      if (gone) {
        return;
      }
      gone = true;
      if (worker === started) {
        worker = null;
      }
      if (closed) {
        return;
      }
      options.log.warn('incoming.inspect-worker-lost', { detail, starts });
      const job = current;
      current = null;
      if (job !== null) {
        job.attempts += 1;
        if (job.attempts >= maxAttempts) {
          job.resolve(crashedInspection(detail));
        } else {
          queue.unshift(job);
        }
      }
      pump();
    };
    started.on('error', (error) => lost(error.message));
    started.on('exit', (code) => lost(`mã thoát ${code}`));
    return started;
  }

  function pump(): void {
    if (closed || current !== null) {
      return;
    }
    const job = queue.shift();
    if (job === undefined) {
      // Idle: the worker stays for the next arrival but does not hold the process open.
      worker?.unref();
      return;
    }
    current = job;
    worker ??= spawn();
    worker.ref();
    const message: InspectWorkerRequest = {
      type: 'inspect',
      id: job.id,
      request: job.request,
      trustPaths: [...options.trustPaths()],
    };
    worker.postMessage(message);
  }

  return {
    inspect(request) {
      if (closed) {
        return Promise.reject(new VanthuError('VERIFY_FAILED', errorMessageVi('VERIFY_FAILED', '(đang đóng)')));
      }
      return new Promise<Inspection>((resolve, reject) => {
        queue.push({ id: nextId++, request, attempts: 0, resolve, reject });
        pump();
      });
    },
    async close() {
      closed = true;
      const cancelled = new VanthuError('VERIFY_FAILED', errorMessageVi('VERIFY_FAILED', '(đã dừng khi đóng)'));
      for (const job of [...(current === null ? [] : [current]), ...queue.splice(0)]) {
        job.reject(cancelled);
      }
      current = null;
      const ending = worker;
      worker = null;
      await ending?.terminate();
    },
    started: () => starts,
  };
}
