import { execFileSync } from 'node:child_process';
import { createPublicKey, createVerify, X509Certificate } from 'node:crypto';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openTokenSigner } from '../../../main/services/tokens/open-signer.ts';
import { usePki } from '../../support/pki/use-pki.ts';
import { createScratchSofthsm, run } from './scratch-softhsm.ts';

const pki = usePki();
const hsm = createScratchSofthsm(pki.softhsm.module);
const label = 'XacThucLai';
const pin = '13572468';

/** A key generated on the token with CKA_ALWAYS_AUTHENTICATE, and a certificate for its public key. */
beforeAll(async () => {
  const env = hsm.env();
  const p11 = (args: string[]): void =>
    run('pkcs11-tool', ['--module', hsm.module, '--token-label', label, ...args], env);
  run('softhsm2-util', ['--init-token', '--free', '--label', label, '--so-pin', '12345678', '--pin', pin], env);
  p11([
    '--login',
    '--pin',
    pin,
    '--keypairgen',
    '--key-type',
    'rsa:2048',
    '--id',
    '09',
    '--always-auth',
    '--usage-sign',
  ]);
  const pubDer = join(hsm.dir, 'pub.der');
  const pubPem = join(hsm.dir, 'pub.pem');
  const certDer = join(hsm.dir, 'cert.der');
  p11(['--read-object', '--type', 'pubkey', '--id', '09', '-o', pubDer]);
  execFileSync('openssl', ['pkey', '-pubin', '-inform', 'DER', '-in', pubDer, '-out', pubPem]);
  // Any issuer will do: the test checks the token's signature against the certified public key.
  const issuerKey = pki.certs['person']?.keyPem ?? '';
  execFileSync('openssl', [
    'x509',
    '-new',
    '-subj',
    '/CN=Xác thực lại',
    '-key',
    issuerKey,
    '-force_pubkey',
    pubPem,
    '-days',
    '30',
    '-outform',
    'DER',
    '-out',
    certDer,
  ]);
  p11(['--login', '--pin', pin, '--write-object', certDer, '--type', 'cert', '--id', '09']);
});

describe('keys with CKA_ALWAYS_AUTHENTICATE', () => {
  it('sign twice, each after a context-specific login', async () => {
    await hsm.withConf(async () => {
      const { signer, close } = await openTokenSigner({
        modulePath: hsm.module,
        token: { label },
        keyIdHex: '09',
        pin,
      });
      try {
        const data = new TextEncoder().encode('ký lần nào cũng phải xác thực lại');
        const key = createPublicKey(new X509Certificate(signer.certificate).toString());
        for (let i = 0; i < 2; i++) {
          const signature = await signer.sign(data);
          expect(createVerify('sha256').update(data).verify(key, signature)).toBe(true);
        }
      } finally {
        await close();
      }
    });
  });
});
