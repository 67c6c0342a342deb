import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { isVanthuError } from '../../../preload/contract/index.ts';
import { createFileLogger } from '../../../main/services/log/file-logger.ts';
import { silentLogger } from '../../../main/services/log/logger.ts';
import { openTokenSigner } from '../../../main/services/tokens/open-signer.ts';
import { createTokenService } from '../../../main/services/tokens/token-service.ts';
import { usePki } from '../../support/pki/use-pki.ts';
import { addTokenWithKey, addTokenWithoutUserPin, createScratchSofthsm, run } from './scratch-softhsm.ts';

const pki = usePki();
const person = pki.certs['person'];
if (person?.token === undefined) {
  throw new Error('test PKI: person is not on a token');
}
const lanhDao = { label: person.token.label, keyIdHex: person.token.keyIdHex, pin: '123456' };

async function failure(promise: Promise<unknown>): Promise<{ code: string; text: string; details: unknown }> {
  const error = await promise.then(
    () => {
      throw new Error('expected a failure');
    },
    (e: unknown) => e,
  );
  if (!isVanthuError(error)) {
    throw error;
  }
  return {
    code: error.code,
    text: `${error.message}\n${error.stack ?? ''}\n${JSON.stringify(error.toAppError())}`,
    details: error.details,
  };
}

describe("token errors from the run's SoftHSM2 tokens", () => {
  it('TOKEN_ABSENT for a label no token has', async () => {
    const e = await failure(
      openTokenSigner({ modulePath: pki.softhsm.module, token: { label: 'KhongCo' }, keyIdHex: '01', pin: '123456' }),
    );
    expect(e.code).toBe('TOKEN_ABSENT');
    expect(e.text).toContain('KhongCo');
  });

  it('KEY_NOT_FOUND for a CKA_ID that is not on the token', async () => {
    const e = await failure(
      openTokenSigner({
        modulePath: pki.softhsm.module,
        token: { label: lanhDao.label },
        keyIdHex: 'ee',
        pin: lanhDao.pin,
      }),
    );
    expect(e.code).toBe('KEY_NOT_FOUND');
  });

  it('PIN_LEN_RANGE for a PIN shorter than the token allows, without spending a try', async () => {
    const e = await failure(
      openTokenSigner({
        modulePath: pki.softhsm.module,
        token: { label: lanhDao.label },
        keyIdHex: lanhDao.keyIdHex,
        pin: '12',
      }),
    );
    expect(e.code).toBe('PIN_LEN_RANGE');
    expect(e.details).toMatchObject({ ckr: 'CKR_PIN_LEN_RANGE' });
  });

  it('MODULE_LOAD_FAILED for a file that is not a PKCS#11 library', async () => {
    const e = await failure(
      openTokenSigner({
        modulePath: pki.certs['person']?.certDer ?? '',
        token: { label: 'x' },
        keyIdHex: '01',
        pin: '1234',
      }),
    );
    expect(e.code).toBe('MODULE_LOAD_FAILED');
  });
});

describe('token errors from scratch SoftHSM2 tokens', () => {
  const hsm = createScratchSofthsm(pki.softhsm.module);
  const wrongPin = '97531864';
  const logDir = mkdtempSync(join(tmpdir(), 'vanthu-token-log-'));
  const log = createFileLogger({ dir: logDir, level: 'debug' });

  beforeAll(async () => {
    addTokenWithKey(
      hsm,
      { label: 'ThuSaiPin', pin: '246810', soPin: '12345678' },
      { keyPem: person.keyPem, certDer: person.certDer, keyIdHex: '07' },
    );
    addTokenWithoutUserPin(hsm, 'ChuaCoPin', '12345678');
    // The first load of the copied library reads this store's config.
    await hsm.withConf(async () => {
      await failure(
        openTokenSigner({ modulePath: hsm.module, token: { label: 'KhongCo' }, keyIdHex: '01', pin: '0000' }),
      );
    });
  });

  it('PIN_INCORRECT on a wrong PIN, then a "few tries left" hint from the token flags', async () => {
    const open = () =>
      openTokenSigner({ modulePath: hsm.module, token: { label: 'ThuSaiPin' }, keyIdHex: '07', pin: wrongPin, log });
    const first = await failure(open());
    expect(first.code).toBe('PIN_INCORRECT');
    expect(first.details).toMatchObject({ ckr: 'CKR_PIN_INCORRECT', method: 'C_Login' });
    // SoftHSM2 raises CKF_USER_PIN_COUNT_LOW after a wrong PIN (it never locks).
    expect(first.details).toMatchObject({ pinTries: 'low' });
    expect(first.text).toContain('Số lần thử còn lại đã ít');
    expect(first.text).not.toContain(wrongPin);
  });

  it('checks the PIN even while another signer holds the login on the same token', async () => {
    const good = await openTokenSigner({
      modulePath: hsm.module,
      token: { label: 'ThuSaiPin' },
      keyIdHex: '07',
      pin: '246810',
    });
    try {
      const e = await failure(
        openTokenSigner({ modulePath: hsm.module, token: { label: 'ThuSaiPin' }, keyIdHex: '07', pin: wrongPin }),
      );
      expect(e.code).toBe('PIN_INCORRECT');
    } finally {
      await good.close();
    }
  });

  it('PIN_EXPIRED (user PIN not initialised) for a token the security officer set up without a user PIN', async () => {
    const e = await failure(
      openTokenSigner({ modulePath: hsm.module, token: { label: 'ChuaCoPin' }, keyIdHex: '01', pin: '123456' }),
    );
    expect(e.code).toBe('PIN_EXPIRED');
    expect(e.details).toMatchObject({ ckr: 'CKR_USER_PIN_NOT_INITIALIZED' });
    expect(e.text).toContain('chưa được đặt mã PIN');
  });

  it('the correct PIN still works after a wrong one', async () => {
    const { signer, close } = await openTokenSigner({
      modulePath: hsm.module,
      token: { label: 'ThuSaiPin' },
      keyIdHex: '07',
      pin: '246810',
      log,
    });
    expect((await signer.sign(new Uint8Array([1, 2, 3]))).length).toBe(256);
    await close();
  });

  it('no log line holds a PIN after the wrong-PIN run', () => {
    const files = readdirSync(logDir);
    const text = files.map((f) => readFileSync(join(logDir, f), 'utf8')).join('');
    expect(text).toContain('tokens.signer_open_failed');
    expect(text).toContain('PIN_INCORRECT');
    expect(text).not.toContain(wrongPin);
    expect(text).not.toContain('246810');
  });
});

describe('tokens that share a label', () => {
  const hsm = createScratchSofthsm(pki.softhsm.module);

  it('are told apart by serial; the label alone is refused as ambiguous', async () => {
    const key = { keyPem: person.keyPem, certDer: person.certDer, keyIdHex: '01' };
    addTokenWithKey(hsm, { label: 'VNPT-CA', pin: '111111', soPin: '12345678' }, key);
    // A second token with the same label (softhsm2-util cannot import onto it, which is not needed).
    run(
      'softhsm2-util',
      ['--init-token', '--free', '--label', 'VNPT-CA', '--so-pin', '12345678', '--pin', '222222'],
      hsm.env(),
    );
    await hsm.withConf(async () => {
      const ambiguous = await failure(
        openTokenSigner({ modulePath: hsm.module, token: { label: 'VNPT-CA' }, keyIdHex: '01', pin: '111111' }),
      );
      expect(ambiguous.code).toBe('INVALID_INPUT');
      expect(ambiguous.text).toContain('chọn theo số sê-ri');
      expect((ambiguous.details as { serials: string[] }).serials).toHaveLength(2);

      const list = await createTokenService({ log: silentLogger, userModulePaths: () => [] }).list([hsm.module]);
      const withKey = list.tokens.find((t) => t.certificates.length > 0);
      const { signer, close } = await openTokenSigner({
        modulePath: hsm.module,
        token: { label: 'VNPT-CA', serial: withKey?.serial ?? '' },
        keyIdHex: '01',
        pin: '111111',
      });
      expect(signer.algorithm).toBe('rsa-pkcs1-sha256');
      await close();
    });
  });
});
