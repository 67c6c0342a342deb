import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCms } from '../../../main/services/pdf/sign/cms.ts';
import { signPdf } from '../../../main/services/pdf/sign/sign.ts';
import { softwareSignerFromFiles } from '../../../main/services/pdf/software-signer.ts';
import type { Signer } from '../../../main/services/pdf/signer.ts';
import { createFileRevocationCache } from '../../../main/services/pdf/verify/revocation-cache.ts';
import { loadTrustStore } from '../../../main/services/pdf/verify/trust-store.ts';
import { verifyPdfBytes } from '../../../main/services/pdf/verify/verify-document.ts';
import type { VerifyReport } from '../../../preload/contract/verify.ts';
import { makeDocument } from '../../support/corpus/make-document.ts';
import { usePki } from '../../support/pki/use-pki.ts';
import { pdfsig } from '../../support/validators.ts';
import { certOf } from '../../support/verify/corpus.ts';
import { ed448CmsMaker } from '../../support/verify/ed448.ts';
import { resignWithRange, type ByteRange } from '../../support/verify/resign-range.ts';

const pki = usePki();
const dir = mkdtempSync(join(tmpdir(), 'vanthu-verify-words-'));
let signed: Uint8Array;
let signer: Signer;
let ed448Cms: (digest: Uint8Array) => Promise<Uint8Array>;

async function verify(bytes: Uint8Array, name: string): Promise<VerifyReport> {
  const path = join(dir, `${name}.pdf`);
  writeFileSync(path, bytes);
  const { report } = await verifyPdfBytes(bytes, path, {
    anchors: loadTrustStore([pki.rootPem]),
    offline: true,
    cache: createFileRevocationCache(join(dir, 'cache')),
  });
  return report;
}

/** A correct signature over a ByteRange that leaves out more than the /Contents string. */
async function partial(name: string, range: (r: ByteRange) => ByteRange) {
  const bytes = await resignWithRange(signed, range, (digest) => buildCms({ digest, signer }));
  const report = await verify(bytes, name);
  const sig = report.signatures[0];
  return { report, sig, codes: sig?.problems.map((p) => p.code) ?? [] };
}

beforeAll(async () => {
  // Issued first: its notBefore is "now" (openssl), and the signing below must not predate it.
  ed448Cms = ed448CmsMaker(pki, dir);
  const person = certOf(pki, 'person');
  signer = await softwareSignerFromFiles(person.keyPem, person.certPem, pki.chainPem);
  const out = join(dir, 'signed.pdf');
  // real time: signPdf stamps /M with the current time, after both test certificates were issued.
  await signPdf((await makeDocument()).bytes, out, { signer, role: 'personal' });
  signed = new Uint8Array(readFileSync(out));
});

describe('precise words: unsupported algorithms and partial coverage', () => {
  it('RFC 8419 / ETSI EN 319 102-1 §5.2.7: an Ed448 signature is INDETERMINATE ("thuật toán không được hỗ trợ"), not broken', async () => {
    const bytes = await resignWithRange(signed, (r) => r, ed448Cms);
    const report = await verify(bytes, 'ed448');
    const sig = report.signatures[0];
    const codes = sig?.problems.map((p) => p.code) ?? [];
    expect(sig?.integrity).toBe('unknown');
    expect(codes).toContain('ALGORITHM_UNSUPPORTED');
    expect(codes).not.toContain('SIGNATURE_INVALID');
    expect(codes).not.toContain('DIGEST_MISMATCH');
    expect(codes).not.toContain('CMS_MALFORMED');
    expect(sig?.trust, JSON.stringify(sig?.problems)).toBe('trusted');
    expect(sig?.verdict, JSON.stringify(sig?.problems)).toBe('indeterminate');
    expect(sig?.verdict).toBe('indeterminate');
    expect(report.verdict).toBe('indeterminate');
    const message = sig?.problems.find((p) => p.code === 'ALGORITHM_UNSUPPORTED')?.message ?? '';
    expect(message).toContain('thuật toán không được hỗ trợ');
    expect(message).toContain('Ed448');
  });

  it('ISO 32000-1 §12.8.1: a ByteRange that leaves the end of its own update unsigned "covers only part of the file"', async () => {
    const tail = (r: ByteRange): ByteRange => [r[0], r[1], r[2], r[3] - 30];
    const { report, sig, codes } = await partial('tail', tail);
    expect(report.signatures).toHaveLength(1);
    expect(sig?.integrity).toBe('ok');
    expect(sig?.coverage).toBe('partial');
    expect(codes).toContain('BYTE_RANGE_PARTIAL');
    expect(codes).not.toContain('BYTE_RANGE_INVALID');
    expect(codes).not.toContain('NO_SIGNATURES');
    expect(report.verdict).toBe('invalid');
    expect(report.reasons.join('\n')).toContain('chỉ phủ một phần tệp');
    // pdfsig agrees the signature itself is good and that it does not cover the whole file.
    const [theirs] = pdfsig(join(dir, 'tail.pdf'), pki.nssDir);
    expect(theirs?.validation).toBe('Signature is Valid.');
    expect(theirs?.totalDocument).toBe(false);
  });

  it('ISO 32000-1 §12.8.1: a ByteRange that skips the file header "covers only part of the file"', async () => {
    const { sig, codes } = await partial('head', (r) => [16, r[1] - 16, r[2], r[3]]);
    expect(sig).toMatchObject({ integrity: 'ok', coverage: 'partial', verdict: 'invalid' });
    expect(codes).toContain('BYTE_RANGE_PARTIAL');
    expect(codes).not.toContain('BYTE_RANGE_INVALID');
  });

  it('ISO 32000-1 §12.8.1: a hole wider than the /Contents string "covers only part of the file"', async () => {
    const { sig, codes } = await partial('wide', (r) => [0, r[1] - 40, r[2], r[3]]);
    expect(sig).toMatchObject({ integrity: 'ok', coverage: 'partial', verdict: 'invalid' });
    expect(codes).toContain('BYTE_RANGE_PARTIAL');
    expect(sig?.problems.find((p) => p.code === 'BYTE_RANGE_PARTIAL')?.message).toContain('Không được ký');
  });

  it('ISO 32000-1 §12.8.1: a ByteRange skipping exactly the /Contents string covers the whole file (control)', async () => {
    // Control: a correct ByteRange re-signed the same way stays whole (the helper changes nothing else).
    const { sig, codes } = await partial('control', (r) => r);
    expect(sig).toMatchObject({ integrity: 'ok', coverage: 'whole' });
    expect(codes).not.toContain('BYTE_RANGE_PARTIAL');
  });
});
