import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signPdf } from '../../../main/services/pdf/sign/sign.ts';
import { softwareSignerFromFiles } from '../../../main/services/pdf/software-signer.ts';
import { createFileRevocationCache } from '../../../main/services/pdf/verify/revocation-cache.ts';
import { loadTrustStore } from '../../../main/services/pdf/verify/trust-store.ts';
import { verifyPdfBytes } from '../../../main/services/pdf/verify/verify-document.ts';
import { makeDocument } from '../../support/corpus/make-document.ts';
import { issueCaHierarchy, type CaHierarchy } from '../../support/ocsp/issue.ts';
import { freePort, startCrlServer } from '../../support/ocsp/servers.ts';

const dir = mkdtempSync(join(tmpdir(), 'vanthu-path-revocation-'));
const stops: Array<() => unknown> = [];
const cases: Record<string, { hierarchy: CaHierarchy; file: string }> = {};

/** A hierarchy on its own loopback port: the root's CRL revokes the intermediate, or nothing. */
async function hierarchyCase(name: string, subRevoked: boolean) {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const caseDir = join(dir, name);
  mkdirSync(caseDir);
  const hierarchy = await issueCaHierarchy(caseDir, { rootCrl: `${base}/root.crl`, subCrl: `${base}/sub.crl` });
  const server = await startCrlServer(port, {
    '/root.crl': await hierarchy.crl('root', subRevoked ? [hierarchy.sub.serialHex] : []),
    '/sub.crl': await hierarchy.crl('sub', []),
  });
  stops.push(server.stop);
  const file = join(caseDir, 'signed.pdf');
  await signPdf((await makeDocument()).bytes, file, {
    signer: await softwareSignerFromFiles(hierarchy.signer.keyPem, hierarchy.signer.certPem, hierarchy.chainPem),
    role: 'personal',
  });
  cases[name] = { hierarchy, file };
}

async function verify(name: string, cacheDir: string, offline = false) {
  const { hierarchy, file } = cases[name] as { hierarchy: CaHierarchy; file: string };
  const { report } = await verifyPdfBytes(new Uint8Array(readFileSync(file)), file, {
    anchors: loadTrustStore([hierarchy.rootPem]),
    offline,
    cache: createFileRevocationCache(cacheDir),
    timeoutMs: 2000,
  });
  const sig = report.signatures[0];
  if (sig === undefined) {
    throw new Error('no signature');
  }
  return { report, sig, codes: sig.problems.map((p) => p.code) };
}

beforeAll(async () => {
  await hierarchyCase('sub-good', false);
  await hierarchyCase('sub-revoked', true);
}, 120_000);

afterAll(async () => {
  for (const stop of stops) {
    await stop();
  }
});

describe('revocation of the whole path: the intermediate CA too', () => {
  it('signer and intermediate both good (each by its issuer’s CRL): valid', async () => {
    const { report, sig, codes } = await verify('sub-good', join(dir, 'cache-a'));
    expect(sig.revocation).toMatchObject({ status: 'good', source: 'crl' });
    expect(sig.caRevocation).toEqual([
      expect.objectContaining({ subject: expect.stringContaining('Sub CA'), status: 'good', source: 'crl' }),
    ]);
    expect(codes).not.toContain('CA_REVOKED');
    expect(report.verdict).toBe('valid');
  });

  it('the intermediate revoked by a root-issued CRL makes a good signer’s signature invalid', async () => {
    const { report, sig, codes } = await verify('sub-revoked', join(dir, 'cache-b'));
    expect(sig.caRevocation[0]).toMatchObject({ status: 'revoked', source: 'crl' });
    expect(sig.revocation.status).toBe('revoked');
    expect(codes).toContain('CA_REVOKED');
    expect(codes).not.toContain('CERT_REVOKED');
    expect(report.verdict).toBe('invalid');
    expect(report.reasons.join('\n')).toContain('CA trung gian) đã bị thu hồi');
  });

  it('offline, the intermediate’s last known state comes from the cache', async () => {
    const cache = join(dir, 'cache-c');
    await verify('sub-revoked', cache);
    const { report, sig, codes } = await verify('sub-revoked', cache, true);
    expect(sig.caRevocation[0]).toMatchObject({ status: 'revoked', source: 'cache' });
    expect(codes).toContain('CA_REVOKED');
    expect(report.verdict).toBe('invalid');
  });

  it('offline with nothing cached, the intermediate’s status is unknown and said so', async () => {
    const { report, sig, codes } = await verify('sub-good', join(dir, 'cache-empty'), true);
    expect(sig.caRevocation[0]).toMatchObject({ status: 'unknown', source: 'none' });
    expect(codes).toContain('CA_REVOCATION_UNKNOWN');
    expect(report.verdict).toBe('indeterminate');
  });
});
