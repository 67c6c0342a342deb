import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signPdf } from '../../../main/services/pdf/sign/sign.ts';
import { softwareSignerFromFiles } from '../../../main/services/pdf/software-signer.ts';
import { createFileRevocationCache } from '../../../main/services/pdf/verify/revocation-cache.ts';
import { loadTrustStore } from '../../../main/services/pdf/verify/trust-store.ts';
import { verifyPdfBytes } from '../../../main/services/pdf/verify/verify-document.ts';
import { tsaTimestampSource } from '../../../main/services/tsa/client.ts';
import { makeDocument } from '../../support/corpus/make-document.ts';
import { usePki } from '../../support/pki/use-pki.ts';
import { startLoopbackTsa, type LoopbackTsa } from '../../support/tsa/tsa-server.ts';
import { certOf, emptySignatureFields } from '../../support/verify/corpus.ts';
import { preparePdf } from '../../../main/services/pdf/sign/prepare.ts';
import { placementsFrom } from '../sign/flow-support.ts';
import { appendDocumentTimestamp } from '../../support/verify/doc-timestamp.ts';
import { resignTimestampToken } from '../../support/verify/resign-token.ts';

const pki = usePki();
const dir = mkdtempSync(join(tmpdir(), 'vanthu-verify-time-'));
let tsa: LoopbackTsa;

async function signAndVerify(id: string, withTimestamp: boolean) {
  const cert = certOf(pki, id);
  const out = join(dir, `${id}-${withTimestamp}.pdf`);
  await signPdf((await makeDocument()).bytes, out, {
    signer: await softwareSignerFromFiles(cert.keyPem, cert.certPem, pki.chainPem),
    role: 'personal',
    ...(withTimestamp ? { timestamp: tsaTimestampSource({ url: tsa.url }) } : {}),
  });
  const { report } = await verifyPdfBytes(new Uint8Array(readFileSync(out)), out, {
    anchors: loadTrustStore([pki.rootPem]),
    offline: true,
    cache: createFileRevocationCache(join(dir, 'cache')),
  });
  const sig = report.signatures[0];
  if (sig === undefined) {
    throw new Error('no signature found');
  }
  return { report, sig, codes: sig.problems.map((p) => p.code) };
}

/** Our signing engine refuses expired and wrong-usage certificates, so mupdf signs those cases. */
async function mutoolSignAndVerify(id: string) {
  const doc = await makeDocument();
  const prepared = join(dir, `${id}-prepared.pdf`);
  const signed = join(dir, `${id}-mutool.pdf`);
  await preparePdf(doc.bytes, prepared, placementsFrom(doc.truth));
  const [field] = await emptySignatureFields(prepared);
  execFileSync('mutool', ['sign', '-s', certOf(pki, id).p12, '-P', 'test', '-o', signed, prepared, String(field)]);
  const { report } = await verifyPdfBytes(new Uint8Array(readFileSync(signed)), signed, {
    anchors: loadTrustStore([pki.rootPem]),
    offline: true,
    cache: createFileRevocationCache(join(dir, 'cache')),
  });
  return { report, codes: report.signatures[0]?.problems.map((p) => p.code) ?? [] };
}

beforeAll(async () => {
  const material = certOf(pki, 'tsa');
  tsa = await startLoopbackTsa({ keyPem: material.keyPem, certPem: material.certPem, chainPem: pki.chainPem });
});
afterAll(async () => {
  await tsa.close();
});

describe('signing time, timestamps and certificate checks', () => {
  it('an RFC 3161 signature timestamp gives the signing time and names the TSA', async () => {
    const { sig, codes } = await signAndVerify('person', true);
    expect(sig.signingTimeSource).toBe('timestamp');
    expect(sig.timestampAuthority).toBe('Vanthu Test TSA');
    expect(sig.timestampTime).not.toBeNull();
    expect(sig.signingTime).toBe(sig.timestampTime);
    expect(codes).not.toContain('TIMESTAMP_INVALID');
    expect(codes).not.toContain('SIGNING_TIME_CLAIMED');
  });

  it('without a timestamp the claimed time is used, and said so', async () => {
    const { sig, codes } = await signAndVerify('person', false);
    expect(sig.signingTimeSource).toBe('claimed');
    expect(sig.timestampTime).toBeNull();
    expect(codes).toContain('SIGNING_TIME_CLAIMED');
  });

  it('a signature timestamp signed by a certificate without id-kp-timeStamping is not trusted', async () => {
    const person = certOf(pki, 'person');
    const out = join(dir, 'forged-tsa.pdf');
    const realTsa = tsaTimestampSource({ url: tsa.url });
    await signPdf((await makeDocument()).bytes, out, {
      signer: await softwareSignerFromFiles(person.keyPem, person.certPem, pki.chainPem),
      role: 'personal',
      // The token port: a real TSTInfo over this signature, re-signed by a person's certificate.
      timestamp: async (signatureValue) => resignTimestampToken(await realTsa(signatureValue), person),
    });
    const { report } = await verifyPdfBytes(new Uint8Array(readFileSync(out)), out, {
      anchors: loadTrustStore([pki.rootPem]),
      offline: true,
      cache: createFileRevocationCache(join(dir, 'cache')),
    });
    const sig = report.signatures[0];
    const codes = sig?.problems.map((p) => p.code) ?? [];
    expect(sig?.integrity).toBe('ok');
    expect(codes).toContain('TSA_CERT_USAGE');
    // Its time is not taken as the signing time.
    expect(sig?.signingTimeSource).toBe('claimed');
    expect(sig?.verdict).toBe('indeterminate');
    expect(report.reasons.join('\n')).toContain('id-kp-timeStamping');
  });

  it('a certificate expired at signing time makes the signature invalid', async () => {
    const { report, codes } = await mutoolSignAndVerify('expired');
    expect(codes).toContain('CERT_EXPIRED_AT_SIGNING');
    expect(report.verdict).toBe('invalid');
    expect(report.reasons.join('\n')).toContain('Chứng thư số đã hết hạn tại thời điểm ký');
  });

  it('a certificate without a signing key usage makes the signature invalid', async () => {
    const { report, codes } = await mutoolSignAndVerify('wrong-usage');
    expect(codes).toContain('CERT_KEY_USAGE');
    expect(report.verdict).toBe('invalid');
  });

  it('an EC P-256 signature verifies', async () => {
    const { sig } = await signAndVerify('person-ec', false);
    expect(sig.integrity).toBe('ok');
    expect(sig.trust).toBe('trusted');
    expect(sig.signer.commonName).toBe('Trần Thị Bình');
  });

  it('a document timestamp (RFC 3161 over the ByteRange) is verified and reports the time and the TSA', async () => {
    const signed = join(dir, 'person-false.pdf');
    const stamped = await appendDocumentTimestamp(new Uint8Array(readFileSync(signed)), tsa.url);
    const verifyBytes = async (bytes: Uint8Array) =>
      (
        await verifyPdfBytes(bytes, 'stamped.pdf', {
          anchors: loadTrustStore([pki.rootPem]),
          offline: true,
          cache: createFileRevocationCache(join(dir, 'cache')),
        })
      ).report;
    const report = await verifyBytes(stamped);
    const [signature, timestamp] = report.signatures;
    expect(timestamp).toMatchObject({
      kind: 'document-timestamp',
      integrity: 'ok',
      coverage: 'whole',
      timestampAuthority: 'Vanthu Test TSA',
      trust: 'trusted',
    });
    expect(timestamp?.timestampTime).not.toBeNull();
    // The PKI's 'tsa' certificate carries the critical id-kp-timeStamping EKU.
    expect(timestamp?.problems.map((p) => p.code)).not.toContain('TSA_CERT_USAGE');
    // The timestamp was appended after the signature: a permitted later revision.
    expect(signature).toMatchObject({ integrity: 'ok', coverage: 'revision', changesAfter: 'permitted' });

    const flipped = Buffer.from(stamped);
    // A letter of the timestamp's own /Filter name: still a readable PDF, no longer what was stamped.
    const at = flipped.lastIndexOf('Adobe.PPKLite', undefined, 'latin1');
    flipped[at] = 'a'.charCodeAt(0);
    expect((await verifyBytes(new Uint8Array(flipped))).signatures[1]?.integrity).toBe('broken');
  });
});
