import { Worker } from 'node:worker_threads';
import { entryScript } from '../../../native/entry-script.ts';
import { VanthuError } from '../../../preload/contract/vanthu-error.ts';
import type { Logger } from '../log/logger.ts';
import type { ChainChecker } from './chain-checker.ts';
import type { ChainWorkerAnswer, ChainWorkerData, ChainWorkerRequest } from './chain-protocol.ts';

export interface ChainWorkerOptions extends ChainWorkerData {
  readonly log: Logger;
  /** Tests: another script (one that crashes on purpose). */
  readonly script?: string;
}

export interface ChainWorker extends ChainChecker {
  warm(): void;
  /** Quit: the worker ends; the checks under way are refused. */
  close(): Promise<void>;
}

type Pending = { resolve(answer: ChainWorkerAnswer): void; reject(error: Error): void };

/**
 * The issuing chain's checks in one worker thread (chain-worker.ts), started at the first check
 * and kept, unreferenced while idle so it never holds the process open. A worker that dies
 * refuses the checks under way (the documents are not signed or not kept, and can be tried
 * again); the next check starts a new one.
 */
export function createChainWorker(options: ChainWorkerOptions): ChainWorker {
  // From source Node runs the sibling .ts; the Electron and CLI bundles ship chain-worker.cjs.
  const script =
    options.script ?? entryScript('./chain-worker.ts', 'chain-worker.cjs', import.meta.url, () => __dirname);
  const pending = new Map<number, Pending>();
  let worker: Worker | null = null;
  let nextId = 1;
  let closed = false;

  const lost = (from: Worker, detail: string): void => {
    if (worker !== from) {
      return;
    }
    worker = null;
    if (!closed) {
      options.log.warn('issuing.chain-worker-lost', { detail, pending: pending.size });
    }
    const refused = new VanthuError('INTERNAL', `Luồng kiểm tra chuỗi ban hành dừng đột ngột (${detail}).`, {
      retryable: true,
    });
    for (const job of pending.values()) {
      job.reject(refused);
    }
    pending.clear();
  };

  const start = (): Worker => {
    const data: ChainWorkerData = {
      filesDir: options.filesDir,
      ...(options.profileKey === undefined ? {} : { profileKey: options.profileKey }),
    };
    const started = new Worker(script, { workerData: data });
    started.on('message', (answer: ChainWorkerAnswer) => {
      const job = pending.get(answer.id);
      pending.delete(answer.id);
      if (pending.size === 0) {
        started.unref();
      }
      job?.resolve(answer);
    });
    started.on('error', (error) => lost(started, error.message));
    started.on('exit', (code) => lost(started, `mã thoát ${code}`));
    return started;
  };

  const ask = (request: (id: number) => ChainWorkerRequest): Promise<ChainWorkerAnswer> => {
    if (closed) {
      return Promise.reject(new VanthuError('INTERNAL', 'Ứng dụng đang đóng.'));
    }
    const id = nextId++;
    worker ??= start();
    worker.ref();
    const answer = new Promise<ChainWorkerAnswer>((resolve, reject) => pending.set(id, { resolve, reject }));
    worker.postMessage(request(id));
    return answer;
  };

  const settled = (answer: ChainWorkerAnswer): ChainWorkerAnswer & { type: 'done' } => {
    if (answer.type === 'refused') {
      throw VanthuError.fromAppError(answer.error);
    }
    return answer;
  };

  return {
    async input(sha256, stage, check, record) {
      const answer = settled(
        await ask((id) => ({ type: 'input', id, sha256, stage, check, ...(record === undefined ? {} : { record }) })),
      );
      if (answer.bytes === undefined) {
        throw new VanthuError('INTERNAL', 'Luồng kiểm tra không trả lại tệp.');
      }
      return answer.bytes;
    },
    async output(check, output, input, record) {
      settled(
        await ask((id) => ({ type: 'output', id, check, output, input, ...(record === undefined ? {} : { record }) })),
      );
    },
    warm() {
      if (!closed && worker === null) {
        // Idle from the start: loading never holds the process open.
        worker = start();
        worker.unref();
      }
    },
    async close() {
      closed = true;
      const ending = worker;
      if (ending !== null) {
        lost(ending, 'đã đóng');
        await ending.terminate();
      }
    },
  };
}
