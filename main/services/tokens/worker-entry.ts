/**
 * The PKCS#11 worker thread of one module: loads the module, then runs the main thread's requests
 * strictly one after another (a token is one device, and many vendor DLLs are not thread-safe).
 * Blocking calls (C_Login on a PIN pad, a slow C_Sign) block this thread only.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { errorMessageVi } from '../../../preload/contract/error-messages.vi.ts';
import { isVanthuError, VanthuError } from '../../../preload/contract/vanthu-error.ts';
import { createSignerSessions, type SignerSessions } from './signer-session.ts';
import { CK } from '../../../native/pkcs11/constants.ts';
import { loadModule, type Pkcs11Module } from '../../../native/pkcs11/module.ts';
import type {
  WorkerData,
  WorkerOpName,
  WorkerOps,
  WorkerRequest,
  WorkerResponse,
  WorkerTestHook,
} from './worker-protocol.ts';

const data = workerData as WorkerData;
const port = parentPort;

function runHook(stage: WorkerTestHook['stage']): void {
  for (const hook of data.hooks) {
    if (hook.stage !== stage) {
      continue;
    }
    if (hook.action === 'crash') {
      // The thread ends mid-request without answering, as it would when a driver aborts it.
      process.exit(70);
    }
    // Synchronous, as C_Login on a PIN pad is: the whole thread waits.
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, hook.ms ?? 1000);
  }
}

let module: Pkcs11Module | undefined;
let sessions: SignerSessions | undefined;

function loaded(): { module: Pkcs11Module; sessions: SignerSessions } {
  module ??= loadModule(data.modulePath);
  sessions ??= createSignerSessions(module);
  return { module, sessions };
}

type Handlers = { [K in WorkerOpName]: (args: WorkerOps[K]['args']) => Promise<WorkerOps[K]['result']> };

const handlers: Handlers = {
  open: async (args) => loaded().sessions.open(args, () => runHook('login')),
  sign: async (args) => loaded().sessions.sign(args.signerId, args.data, () => runHook('sign')),
  close: async (args) => {
    loaded().sessions.close(args.signerId);
    return null;
  },
  endLogin: async (args) => {
    loaded().sessions.endLogin(args.serial);
    return null;
  },
  // Listing and pre-flight read certificates with a full X.509 library; signing does not, so a
  // worker that only signs (one `vanthu sign`) never loads it.
  list: async () => {
    const m = loaded().module;
    const { listModuleTokens } = await import('./discovery.ts');
    return { libraryDescription: m.libraryDescription, tokens: listModuleTokens(m) };
  },
  preflight: async (args) => {
    loaded();
    const { runPreflight } = await import('./preflight.ts');
    return runPreflight(args.request, args.roleOverrides);
  },
  snapshot: async () => {
    const m = loaded().module;
    return m.slots(true).flatMap((slot) => {
      const info = m.tokenInfo(slot);
      return (info.flags & CK.CKF_TOKEN_INITIALIZED) !== 0
        ? [{ modulePath: m.path, label: info.label, serial: info.serial }]
        : [];
    });
  },
};

function asVanthuError(error: unknown): VanthuError {
  if (isVanthuError(error)) {
    return error;
  }
  return new VanthuError('TOKEN_GENERAL_ERROR', errorMessageVi('TOKEN_GENERAL_ERROR'), {
    details: { native: error instanceof Error ? error.message : String(error) },
  });
}

let tail: Promise<unknown> = Promise.resolve();

port?.on('message', (request: WorkerRequest) => {
  tail = tail.then(async () => {
    let response: WorkerResponse;
    try {
      const handler = handlers[request.op] as (args: unknown) => Promise<unknown>;
      response = { id: request.id, ok: true, value: await handler(request.args) };
    } catch (error) {
      response = { id: request.id, ok: false, error: asVanthuError(error).toAppError() };
    }
    port.postMessage(response);
  });
});
