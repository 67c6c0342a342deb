import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { isVanthuError, type VanthuError } from '../../../preload/contract/index.ts';
import { createModuleWorker, type ModuleWorkerOptions } from '../../../main/services/tokens/module-worker.ts';
import { openTokenSigner } from '../../../main/services/tokens/open-signer.ts';
import { usePki } from '../../support/pki/use-pki.ts';
import { addTokenWithKey, createScratchSofthsm } from './scratch-softhsm.ts';

const pki = usePki();
const person = pki.certs['person'];
if (person === undefined) {
  throw new Error('test PKI: no person certificate');
}
const PIN = '246810';

/**
 * Each case gets its own copy of the SoftHSM library (its own instance in this process), with one
 * token, and its own worker with the case's test hooks: a crashed worker finalizes only its copy.
 */
function scratchToken(options: ModuleWorkerOptions) {
  const hsm = createScratchSofthsm(pki.softhsm.module);
  addTokenWithKey(
    hsm,
    { label: 'LuongKy', pin: PIN, soPin: '12345678' },
    { keyPem: person!.keyPem, certDer: person!.certDer, keyIdHex: '07' },
  );
  const worker = createModuleWorker(hsm.module, options);
  const open = () =>
    hsm.withConf(() =>
      openTokenSigner({ modulePath: hsm.module, token: { label: 'LuongKy' }, keyIdHex: '07', pin: PIN, worker }),
    );
  return { hsm, worker, open };
}

async function failure(promise: Promise<unknown>): Promise<VanthuError> {
  const error = await promise.then(
    () => new Error('expected a failure'),
    (e: unknown) => e,
  );
  if (!isVanthuError(error)) {
    throw error;
  }
  return error;
}

describe('PKCS#11 calls run in a worker thread per module', () => {
  it('a timer keeps ticking while C_Login blocks (a PIN pad waiting for the user)', async () => {
    const { worker, open } = scratchToken({ hooks: [{ stage: 'login', action: 'block', ms: 1500 }] });
    const ticks: number[] = [];
    const timer = setInterval(() => ticks.push(performance.now()), 5);
    const started = performance.now();
    try {
      const { signer, close } = await open();
      const elapsed = performance.now() - started;
      const gaps = ticks.slice(1).map((t, i) => t - (ticks[i] ?? t));
      // Relative, not absolute: a login on the main thread would leave one gap as long as the login.
      expect(ticks.length).toBeGreaterThanOrEqual(5);
      expect(Math.max(0, ...gaps)).toBeLessThan(elapsed / 2);
      expect((await signer.sign(new Uint8Array([1, 2, 3]))).length).toBe(256);
      await close();
    } finally {
      clearInterval(timer);
      await worker.terminate();
    }
  });

  it('a hung login gives MODULE_HUNG; the app lives on and the next request gets a new thread', async () => {
    const { hsm, worker, open } = scratchToken({
      loginTimeoutMs: 300,
      hooks: [{ stage: 'login', action: 'block', ms: 3000 }],
    });
    try {
      const error = await failure(open());
      expect(error.code).toBe('MODULE_HUNG');
      expect(error.details).toMatchObject({ modulePath: hsm.module, op: 'open' });
      expect(worker.generation).toBe(1);
      const listed = await hsm.withConf(() => worker.call('list', {}));
      expect(listed.tokens.map((t) => t.label)).toEqual(['LuongKy']);
    } finally {
      await worker.terminate();
    }
  });

  it('a worker that dies while signing gives TOKEN_GENERAL_ERROR, and its signer is closed', async () => {
    const { hsm, worker, open } = scratchToken({ hooks: [{ stage: 'sign', action: 'crash' }] });
    try {
      const { signer, close } = await open();
      const error = await failure(signer.sign(new Uint8Array([1])));
      expect(error.code).toBe('TOKEN_GENERAL_ERROR');
      expect(error.details).toMatchObject({ modulePath: hsm.module, exitCode: 70 });
      // The session died with the thread: asking again says so instead of hanging.
      expect((await failure(signer.sign(new Uint8Array([1])))).code).toBe('TOKEN_REMOVED');
      await close();
      const listed = await hsm.withConf(() => worker.call('list', {}));
      expect(listed.tokens.map((t) => t.label)).toEqual(['LuongKy']);
    } finally {
      await worker.terminate();
    }
  });
});
