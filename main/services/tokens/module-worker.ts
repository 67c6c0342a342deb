import { Worker } from 'node:worker_threads';
import { errorMessageVi } from '../../../preload/contract/error-messages.vi.ts';
import { VanthuError } from '../../../preload/contract/vanthu-error.ts';
import { entryScript } from '../../../native/entry-script.ts';
import type {
  WorkerData,
  WorkerOpName,
  WorkerOps,
  WorkerRequest,
  WorkerResponse,
  WorkerTestHook,
} from './worker-protocol.ts';

/**
 * The worker only moves hashes, signatures and certificate bytes, so a small young generation
 * costs it a few more scavenges and saves about 1.8 MiB of resident memory in every process that
 * signs (issue #14: a cold `vanthu sign` goes from ~98 to ~96 MiB peak RSS). No old-generation
 * limit: a driver that returns large objects must not get the worker killed.
 */
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 2 } as const;

export interface ModuleWorkerOptions {
  /** How long any request but `open` may take before the worker counts as hung. */
  readonly requestTimeoutMs?: number;
  /** `open` logs in: a PIN-pad token waits for the user, so it gets much longer. */
  readonly loginTimeoutMs?: number;
  /** Tests only: block or crash the worker at a stage (see WorkerTestHook). */
  readonly hooks?: readonly WorkerTestHook[];
}

/** The main thread's side of one module's PKCS#11 worker thread. */
export interface ModuleWorker {
  readonly modulePath: string;
  /**
   * Bumped each time a hung or crashed thread is replaced; signer ids of an older generation
   * are gone with their thread.
   */
  readonly generation: number;
  /** `waitsForUser`: the call may wait at a PIN pad, so it gets the login timeout. */
  call<K extends WorkerOpName>(
    op: K,
    args: WorkerOps[K]['args'],
    waitsForUser?: boolean,
  ): Promise<WorkerOps[K]['result']>;
  terminate(): Promise<void>;
}

/** The worker's script: worker-entry.ts from source, pkcs11-worker.cjs next to the bundled main. */
export function workerScript(metaUrl: string | undefined = (import.meta as { url?: string }).url): string {
  return entryScript('./worker-entry.ts', 'pkcs11-worker.cjs', metaUrl, () => __dirname);
}

interface Pending {
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: VanthuError) => void;
  readonly timer: NodeJS.Timeout;
}

function hung(modulePath: string, op: string, timeoutMs: number): VanthuError {
  return new VanthuError(
    'MODULE_HUNG',
    errorMessageVi('MODULE_HUNG', `Quá ${Math.round(timeoutMs / 1000)} giây không phản hồi.`),
    { retryable: true, details: { modulePath, op, timeoutMs } },
  );
}

function crashed(modulePath: string, exitCode: number | undefined, message?: string): VanthuError {
  return new VanthuError(
    'TOKEN_GENERAL_ERROR',
    errorMessageVi('TOKEN_GENERAL_ERROR', 'Trình điều khiển thiết bị ký số đã dừng bất thường.'),
    { retryable: true, details: { modulePath, exitCode, ...(message === undefined ? {} : { native: message }) } },
  );
}

/**
 * A worker thread for one module, started on the first request. A request that outlasts its
 * timeout ends the thread (MODULE_HUNG); a thread that dies fails its requests
 * (TOKEN_GENERAL_ERROR). Either way the app lives on and the next request starts a new thread.
 * The thread only keeps the process alive while a request is pending.
 */
export function createModuleWorker(modulePath: string, options: ModuleWorkerOptions = {}): ModuleWorker {
  const requestTimeoutMs = options.requestTimeoutMs ?? 30_000;
  const loginTimeoutMs = options.loginTimeoutMs ?? 180_000;
  // Each thread has its own pending requests, so a dying old thread cannot fail a new one's.
  let thread: { worker: Worker; pending: Map<number, Pending> } | undefined;
  let generation = 0;
  let nextId = 1;

  const failAll = (pending: Map<number, Pending>, error: VanthuError): void => {
    for (const p of pending.values()) {
      clearTimeout(p.timer);
      p.reject(error);
    }
    pending.clear();
  };

  const discard = (worker: Worker): void => {
    if (thread?.worker === worker) {
      thread = undefined;
      generation++;
    }
  };

  const start = (): { worker: Worker; pending: Map<number, Pending> } => {
    const data: WorkerData = { modulePath, hooks: options.hooks ?? [] };
    // Workers inherit the parent's flags; --input-type (a parent started with -e) refuses a file entry.
    const execArgv = process.execArgv.filter((flag) => !flag.startsWith('--input-type'));
    const worker = new Worker(workerScript(), { workerData: data, execArgv, resourceLimits: WORKER_LIMITS });
    const pending = new Map<number, Pending>();
    worker.unref();
    worker.on('message', (response: WorkerResponse) => {
      const p = pending.get(response.id);
      if (p === undefined) {
        return;
      }
      pending.delete(response.id);
      clearTimeout(p.timer);
      if (pending.size === 0) {
        worker.unref();
      }
      if (response.ok) {
        p.resolve(response.value);
      } else {
        p.reject(VanthuError.fromAppError(response.error));
      }
    });
    worker.on('error', (error) => {
      discard(worker);
      failAll(pending, crashed(modulePath, undefined, error.message));
    });
    worker.on('exit', (exitCode) => {
      discard(worker);
      failAll(pending, crashed(modulePath, exitCode));
    });
    return { worker, pending };
  };

  return {
    modulePath,
    get generation() {
      return generation;
    },
    call(op, args, waitsForUser = false) {
      thread ??= start();
      const { worker, pending } = thread;
      const id = nextId++;
      const timeoutMs = op === 'open' || waitsForUser ? loginTimeoutMs : requestTimeoutMs;
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          // A driver stuck in a native call cannot be interrupted: drop the thread and its sessions.
          discard(worker);
          failAll(pending, hung(modulePath, op, timeoutMs));
          void worker.terminate();
        }, timeoutMs);
        timer.unref();
        pending.set(id, { resolve: resolve as (value: unknown) => void, reject, timer });
        worker.ref();
        const request: WorkerRequest = { id, op, args };
        worker.postMessage(request);
      });
    },
    async terminate() {
      const current = thread;
      if (current !== undefined) {
        discard(current.worker);
        await current.worker.terminate();
      }
    },
  };
}

const shared = new Map<string, ModuleWorker>();

/** The app's worker for a module path: one per path per process. */
export function moduleWorker(modulePath: string): ModuleWorker {
  let worker = shared.get(modulePath);
  if (worker === undefined) {
    worker = createModuleWorker(modulePath);
    shared.set(modulePath, worker);
  }
  return worker;
}
