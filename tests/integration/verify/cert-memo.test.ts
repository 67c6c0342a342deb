import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CertificateMemo } from '../../../main/services/pdf/verify/cert-memo.ts';
import { usePki } from '../../support/pki/use-pki.ts';

const pki = usePki();
const der = (pemPath: string): Uint8Array => new X509Certificate(readFileSync(pemPath)).raw;

describe('certificates parsed and links checked once across verifications', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('a later verification (its own memo) gets the certificate already parsed', () => {
    const root = der(pki.rootPem);
    const first = new CertificateMemo().parse(root);
    const again = new CertificateMemo().parse(Uint8Array.from(root));
    expect(again).toBe(first);
    expect(new CertificateMemo().parse(der(pki.subPem))).not.toBe(first);
  });

  it('a link checked by one verification is not checked again by the next; its answer is the same', () => {
    const root = new CertificateMemo().parse(der(pki.rootPem));
    const sub = new CertificateMemo().parse(der(pki.subPem));
    const verify = vi.spyOn(X509Certificate.prototype, 'verify');
    expect(new CertificateMemo().issues(root, sub)).toBe(true);
    expect(new CertificateMemo().issues(sub, root)).toBe(false);
    const calls = verify.mock.calls.length;
    expect(new CertificateMemo().issues(root, sub)).toBe(true);
    expect(new CertificateMemo().issues(sub, root)).toBe(false);
    expect(verify.mock.calls.length).toBe(calls);
  });
});
