import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signPdf } from '../../../main/services/pdf/sign/sign.ts';
import { softwareSignerFromFiles } from '../../../main/services/pdf/software-signer.ts';
import { createFileRevocationCache } from '../../../main/services/pdf/verify/revocation-cache.ts';
import { loadTrustStore } from '../../../main/services/pdf/verify/trust-store.ts';
import { verifyPdfBytes } from '../../../main/services/pdf/verify/verify-document.ts';
import { makeDocument } from '../../support/corpus/make-document.ts';
import { issueWithRevocation, subCaCrl } from '../../support/ocsp/issue.ts';
import { freePort, startCrlServer, startOcspResponder } from '../../support/ocsp/servers.ts';
import { usePki } from '../../support/pki/use-pki.ts';

const pki = usePki();
const dir = mkdtempSync(join(tmpdir(), 'vanthu-revocation-'));
const files: Record<string, string> = {};
const stops: Array<() => unknown> = [];

async function signedWith(id: string, serial: string, urls: { ocsp?: string; crl?: string }): Promise<string> {
  const cert = await issueWithRevocation(pki, dir, id, serial, urls);
  const doc = await makeDocument();
  const out = join(dir, `${id}.pdf`);
  await signPdf(doc.bytes, out, {
    signer: await softwareSignerFromFiles(cert.keyPem, cert.certPem, pki.chainPem),
    role: 'personal',
  });
  return out;
}

async function verify(name: string, cacheDir: string, offline = false) {
  const path = files[name] as string;
  const { report } = await verifyPdfBytes(new Uint8Array(readFileSync(path)), path, {
    anchors: loadTrustStore([pki.rootPem]),
    offline,
    cache: createFileRevocationCache(cacheDir),
    timeoutMs: 2000,
  });
  const sig = report.signatures[0];
  if (sig === undefined) {
    throw new Error('no signature');
  }
  return { report, sig };
}

beforeAll(async () => {
  const [ocspPort, crlPort, deadPort] = [await freePort(), await freePort(), await freePort()];
  const ocsp = `http://127.0.0.1:${ocspPort}`;
  const crl = `http://127.0.0.1:${crlPort}/sub.crl`;
  files['ocsp-good'] = await signedWith('ocsp-good', '7001', { ocsp });
  files['ocsp-revoked'] = await signedWith('ocsp-revoked', '7002', { ocsp });
  files['crl-good'] = await signedWith('crl-good', '7003', { crl });
  files['crl-revoked'] = await signedWith('crl-revoked', '7004', { crl });
  files['dead'] = await signedWith('dead', '7005', { ocsp: `http://127.0.0.1:${deadPort}` });
  const responder = await startOcspResponder(pki, dir, ocspPort, [
    { serialHex: '7001', revoked: false },
    { serialHex: '7002', revoked: true },
  ]);
  stops.push(responder.stop);
  const crlServer = await startCrlServer(crlPort, await subCaCrl(pki, ['7004']));
  stops.push(crlServer.stop);
}, 120_000);

afterAll(async () => {
  for (const stop of stops) {
    await stop();
  }
});

describe('revocation: OCSP and CRL on loopback, cached in the profile', () => {
  it('a good OCSP answer makes a trusted, intact signature valid', async () => {
    const { report, sig } = await verify('ocsp-good', join(dir, 'cache-a'));
    expect(sig.revocation).toMatchObject({ status: 'good', source: 'ocsp' });
    expect(sig.trust).toBe('trusted');
    // The test PKI's sub CA publishes no OCSP/CRL address: listed, not held against the signature.
    expect(sig.caRevocation).toEqual([expect.objectContaining({ status: 'unknown', source: 'none' })]);
    expect(report.verdict).toBe('valid');
  });

  it('a revoked certificate (OCSP) makes the signature invalid, with the reason', async () => {
    const { report, sig } = await verify('ocsp-revoked', join(dir, 'cache-a'));
    expect(sig.revocation).toMatchObject({ status: 'revoked', source: 'ocsp' });
    expect(report.verdict).toBe('invalid');
    expect(report.reasons.join('\n')).toContain('đã bị thu hồi');
  });

  it('the CRL answers when there is no OCSP responder', async () => {
    expect((await verify('crl-good', join(dir, 'cache-b'))).sig.revocation).toMatchObject({
      status: 'good',
      source: 'crl',
    });
    const revoked = await verify('crl-revoked', join(dir, 'cache-b'));
    expect(revoked.sig.revocation).toMatchObject({ status: 'revoked', source: 'crl' });
    expect(revoked.report.verdict).toBe('invalid');
  });

  it('offline, the last known state is used and its age is said', async () => {
    const cache = join(dir, 'cache-c');
    const online = await verify('ocsp-revoked', cache);
    const offline = await verify('ocsp-revoked', cache, true);
    expect(offline.sig.revocation).toEqual({
      status: 'revoked',
      source: 'cache',
      checkedAt: online.sig.revocation.checkedAt,
    });
    expect(offline.sig.problems.map((p) => p.code)).toContain('REVOCATION_FROM_CACHE');
    expect(offline.report.reasons.join('\n')).toMatch(
      /Tình trạng thu hồi lấy từ lần kiểm tra trước\. Kiểm tra lúc .*phút trước/,
    );
  });

  it('nothing known (offline with an empty cache, or a dead responder) is stated as unknown', async () => {
    const offline = await verify('ocsp-good', join(dir, 'cache-empty'), true);
    const dead = await verify('dead', join(dir, 'cache-empty'));
    for (const { sig, report } of [offline, dead]) {
      expect(sig.revocation).toEqual({ status: 'unknown', source: 'none', checkedAt: null });
      expect(report.verdict).toBe('indeterminate');
      expect(report.reasons.join('\n')).toContain('Chưa xác định được chứng thư số có bị thu hồi hay không');
    }
  });
});
