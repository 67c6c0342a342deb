import { entryScript } from '../../../native/entry-script.ts';
import { Worker } from 'node:worker_threads';
import { VanthuError } from '../../../preload/contract/errors.ts';
import type { Logger } from '../log/logger.ts';
import type { StoreMethod, StoreMethods, StoreResponse, StoreWorkerData } from './store-protocol.ts';

export type StoreCall = <M extends StoreMethod>(
  method: M,
  ...args: Parameters<StoreMethods[M]>
) => Promise<ReturnType<StoreMethods[M]>>;

export interface StoreClient {
  readonly call: StoreCall;
  readonly schemaVersion: number;
  close(): Promise<void>;
}

export interface StartStoreOptions extends Omit<StoreWorkerData, 'slowMs' | 'actor' | 'tenCoQuan'> {
  readonly tenCoQuan?: string;
  readonly actor?: string;
  readonly slowMs?: number;
  readonly log: Logger;
  /** Called after a call queued outbox work (the app wakes sync with it). */
  readonly onQueued?: (method: StoreMethod) => void;
}

/**
 * Start the store worker and wait until the database is open and migrated. Errors thrown in
 * the worker come back as VanthuError (expected) or are logged as bugs with their context.
 */
export function startStoreWorker(options: StartStoreOptions): Promise<StoreClient> {
  const data: StoreWorkerData = {
    databasePath: options.databasePath,
    filesDir: options.filesDir,
    maDinhDanh: options.maDinhDanh,
    tenCoQuan: options.tenCoQuan ?? options.maDinhDanh,
    ...(options.actor === undefined ? {} : { actor: options.actor }),
    slowMs: options.slowMs ?? 40,
    ...(options.key === undefined ? {} : { key: options.key }),
  };
  // From source Node runs the sibling .ts; the Electron bundle ships store-worker.cjs beside main.cjs.
  const script = entryScript('./store-worker.ts', 'store-worker.cjs', import.meta.url, () => __dirname);
  const worker = new Worker(script, { workerData: data });
  const pending = new Map<number, { resolve(value: unknown): void; reject(error: unknown): void; method: string }>();
  let nextId = 1;
  let closed = false;

  return new Promise<StoreClient>((resolveStart, rejectStart) => {
    worker.on('message', (message: StoreResponse) => {
      switch (message.type) {
        case 'ready':
          resolveStart({ call, schemaVersion: message.schemaVersion, close });
          return;
        case 'fatal':
          rejectStart(new VanthuError(message.error.code, message.error.message, { details: message.error.details }));
          void worker.terminate();
          return;
        case 'slow':
          options.log.warn('store.slow_query', { method: message.method, ms: message.ms });
          return;
        case 'queued':
          options.onQueued?.(message.method);
          return;
        case 'result': {
          const waiter = pending.get(message.id);
          pending.delete(message.id);
          if (waiter === undefined) {
            return;
          }
          if (message.ok) {
            waiter.resolve(message.value);
          } else {
            if (message.bug) {
              options.log.error('store.bug', { method: waiter.method, details: message.error.details });
            }
            const { code, message: text, retryable, details } = message.error;
            waiter.reject(new VanthuError(code, text, { retryable, details }));
          }
        }
      }
    });
    worker.on('error', (error) => {
      options.log.error('store.worker_error', { error });
      rejectStart(error);
      for (const waiter of pending.values()) {
        waiter.reject(error);
      }
      pending.clear();
    });

    const call: StoreCall = (method, ...args) => {
      if (closed) {
        return Promise.reject(new VanthuError('DB_BUSY', 'Cơ sở dữ liệu đã đóng.'));
      }
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve: resolve as (value: unknown) => void, reject, method });
        worker.postMessage({ id, method, args });
      });
    };

    /** Ask the worker to close the database cleanly; requests already queued are answered first. */
    async function close(): Promise<void> {
      if (closed) {
        return;
      }
      closed = true;
      const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
      worker.postMessage('close');
      await exited;
    }
  });
}
