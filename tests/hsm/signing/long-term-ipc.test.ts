import { X509Certificate } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { certInfo } from '../../../main/services/pdf/verify/cert-info.ts';
import { createFileRevocationCache, revocationKey } from '../../../main/services/pdf/verify/revocation-cache.ts';
import { openApp } from '../../support/app.ts';
import { makeDocument } from '../../support/corpus/make-document.ts';
import { usePki } from '../../support/pki/use-pki.ts';
import { pdfsig } from '../../support/validators.ts';

const pki = usePki();

function tokenOf(id: 'person' | 'expiring') {
  const token = pki.certs[id]?.token;
  const pin = pki.softhsm.tokens.find((t) => t.label === token?.label)?.pin;
  if (token === undefined || pin === undefined) {
    throw new Error(`${id} is not on a token`);
  }
  return { modulePath: pki.softhsm.module, token: { label: token.label }, keyIdHex: token.keyIdHex, pin };
}

describe('signing with longTerm (PAdES B-LT) over IPC', () => {
  const dir = mkdtempSync(join(tmpdir(), 'vanthu-blt-ipc-'));
  const app = openApp({ profileDir: join(dir, 'profile'), shell: 'cli', caller: 'cli', organization: null });
  const { services } = app;
  // Typed from preload/contract: a channel renamed or a payload reshaped there is a compile error here.
  const { call } = app;
  services.settings.update({
    tokens: { modulePaths: [pki.softhsm.module] },
    verify: { trustPaths: [pki.subPem, pki.rootPem] },
  });
  afterAll(() => services.tokens.stop());

  it('adds a DSS with the chain after the signature, and says what had no revocation source', async () => {
    const doc = await makeDocument();
    writeFileSync(join(dir, 'in.pdf'), doc.bytes);
    const out = join(dir, 'lt.pdf');
    const result = await call('signing.sign', {
      path: join(dir, 'in.pdf'),
      outPath: out,
      ...tokenOf('person'),
      placement: 'auto',
      longTerm: true,
    });
    expect(result, JSON.stringify(result)).toMatchObject({
      ok: true,
      value: { longTerm: { certificates: 3, ocsps: 0, crls: 0 } },
    });
    // The test PKI names no OCSP responder or CRL: both links below the root are unknown.
    expect(result.ok ? result.value.longTerm?.unknown : []).toHaveLength(2);
    expect(Buffer.from(readFileSync(out)).toString('latin1')).toContain('/DSS');
    expect(pdfsig(out, pki.nssDir).map((s) => [s.validation, s.certificate])).toEqual([
      ['Signature is Valid.', 'Certificate is Trusted.'],
    ]);
  });

  it('refuses, before any signature, a certificate the last revocation answer says is revoked', async () => {
    // The answer the verifier cached in this profile (the same store B-LT reads).
    const leaf = new X509Certificate(readFileSync(pki.certs.expiring?.certPem ?? ''));
    const sub = new X509Certificate(readFileSync(pki.subPem));
    createFileRevocationCache(join(services.profile.cache, 'revocation')).put(
      revocationKey(sub.raw, certInfo(leaf).serialNumber),
      {
        status: 'revoked',
        kind: 'crl',
        // real time: the verifier behind IPC judges cached answers by the process clock.
        checkedAt: new Date().toISOString(),
        revokedAt: new Date().toISOString(),
        der: Buffer.from([0x30, 0x00]).toString('base64'),
      },
    );
    const doc = await makeDocument();
    writeFileSync(join(dir, 'in2.pdf'), doc.bytes);
    const result = await call('signing.sign', {
      path: join(dir, 'in2.pdf'),
      outPath: join(dir, 'revoked.pdf'),
      ...tokenOf('expiring'),
      placement: 'auto',
      longTerm: true,
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'CERT_REVOKED' } });
    expect(existsSync(join(dir, 'revoked.pdf'))).toBe(false);
  });
});
