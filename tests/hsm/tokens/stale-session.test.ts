import { createPublicKey, verify } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isVanthuError, type VanthuError } from '../../../preload/contract/index.ts';
import { createModuleWorker } from '../../../main/services/tokens/module-worker.ts';
import { openTokenSigner } from '../../../main/services/tokens/open-signer.ts';
import { usePki } from '../../support/pki/use-pki.ts';
import { addTokenWithKey, createScratchSofthsm } from './scratch-softhsm.ts';

const pki = usePki();
const person = pki.certs['person'];
if (person === undefined) {
  throw new Error('test PKI: no person certificate');
}
const PIN = '135790';

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

/**
 * Stale sessions, as after the token is pulled and plugged back: C_CloseAllSessions ends every
 * session of this process on the token (and the login with them), exactly what a re-plug does.
 */
describe('stale sessions are re-established by serial', () => {
  const hsm = createScratchSofthsm(pki.softhsm.module);
  const worker = createModuleWorker(hsm.module);
  let serial = '';
  const open = () =>
    hsm.withConf(() =>
      openTokenSigner({ modulePath: hsm.module, token: { label: 'CamLai' }, keyIdHex: '07', pin: PIN, worker }),
    );

  beforeAll(async () => {
    addTokenWithKey(
      hsm,
      { label: 'CamLai', pin: PIN, soPin: '12345678' },
      { keyPem: person.keyPem, certDer: person.certDer, keyIdHex: '07' },
    );
    const listed = await hsm.withConf(() => worker.call('list', {}));
    serial = listed.tokens[0]?.serial ?? '';
  });

  afterAll(async () => {
    await worker.terminate();
  });

  it('asks to plug in and enter the PIN again when the login is gone', async () => {
    const { signer, close } = await open();
    await signer.sign(new Uint8Array([1]));
    await worker.call('endLogin', { serial });
    const error = await failure(signer.sign(new Uint8Array([2])));
    expect(error.code).toBe('TOKEN_REMOVED');
    expect(error.message).toContain('cắm lại và nhập lại PIN');
    expect(error.details).toMatchObject({ reason: 'login-lost' });
    // That signer is finished; it says so at once rather than touching the token.
    expect((await failure(signer.sign(new Uint8Array([3])))).code).toBe('TOKEN_REMOVED');
    await close();
  });

  it('signs on a new session when the token is logged in again (another signer logged in)', async () => {
    const first = await open();
    await worker.call('endLogin', { serial });
    const second = await open();
    try {
      const data = new TextEncoder().encode('ký lại sau khi cắm lại');
      const signature = await first.signer.sign(data);
      const key = createPublicKey(readFileSync(person.certPem));
      expect(verify('sha256', data, key, signature)).toBe(true);
      // And it keeps working on the re-established session.
      expect(await first.signer.sign(data)).toHaveLength(256);
    } finally {
      await first.close();
      await second.close();
    }
  });
});
