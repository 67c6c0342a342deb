import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFArray, PDFDict, PDFDocument, PDFName } from '@cantoo/pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDss } from '../../../main/services/pdf/sign/dss.ts';
import { signPdf } from '../../../main/services/pdf/sign/sign.ts';
import { softwareSignerFromFiles } from '../../../main/services/pdf/software-signer.ts';
import type { Signer } from '../../../main/services/pdf/signer.ts';
import { createFileRevocationCache } from '../../../main/services/pdf/verify/revocation-cache.ts';
import { loadTrustStore } from '../../../main/services/pdf/verify/trust-store.ts';
import { verifyPdfBytes } from '../../../main/services/pdf/verify/verify-document.ts';
import { collectLongTermMaterial } from '../../../main/services/signing/long-term.ts';
import { makeDocument } from '../../support/corpus/make-document.ts';
import { issueWithRevocation } from '../../support/ocsp/issue.ts';
import { freePort, startOcspResponder } from '../../support/ocsp/servers.ts';
import { usePki } from '../../support/pki/use-pki.ts';
import { validateAll } from '../../support/validators.ts';

const pki = usePki();
const dir = mkdtempSync(join(tmpdir(), 'vanthu-blt-'));
let signer: Signer;
let stop: () => unknown = () => undefined;

beforeAll(async () => {
  const port = await freePort();
  const cert = await issueWithRevocation(pki, dir, 'blt', '7101', { ocsp: `http://127.0.0.1:${port}` });
  signer = await softwareSignerFromFiles(cert.keyPem, cert.certPem, pki.chainPem);
  stop = (await startOcspResponder(pki, dir, port, [{ serialHex: '7101', revoked: false }])).stop;
}, 120_000);

afterAll(async () => {
  await stop();
});

function dssArrays(bytes: Uint8Array): Promise<Record<'Certs' | 'OCSPs' | 'CRLs', number>> {
  return PDFDocument.load(bytes, { updateMetadata: false }).then((doc) => {
    const dss = doc.catalog.lookup(PDFName.of('DSS'));
    const size = (key: string): number => {
      const value = dss instanceof PDFDict ? dss.lookup(PDFName.of(key)) : undefined;
      return value instanceof PDFArray ? value.size() : 0;
    };
    return { Certs: size('Certs'), OCSPs: size('OCSPs'), CRLs: size('CRLs') };
  });
}

describe('PAdES B-LT: a DSS increment with the chain and the OCSP answer', () => {
  it('keeps a certified (P=2) signature valid and carries the material the verifier checks', async () => {
    const doc = await makeDocument();
    const signed = join(dir, 'ký.pdf');
    const longTerm = join(dir, 'ký-lt.pdf');
    await signPdf(doc.bytes, signed, {
      signer,
      role: 'personal',
      certify: 2,
      placement: { pageIndex: 0, rect: { x: 350, y: 150, width: 150, height: 60 } },
    });
    const anchors = loadTrustStore([pki.rootPem]);
    const collected = await collectLongTermMaterial(signer.certificate, signer.chain, anchors, {
      cache: createFileRevocationCache(join(dir, 'cache')),
    });
    expect(collected.revoked).toEqual([]);
    // The leaf has an OCSP responder; the test sub CA names none, so it stays unknown.
    expect(collected.material.ocsps).toHaveLength(1);
    expect(collected.unknown).toHaveLength(1);

    const bytes = new Uint8Array(readFileSync(signed));
    const result = await addDss(bytes, longTerm, collected.material);
    expect(result.added).toEqual({ certificates: 3, ocsps: 1, crls: 0 });
    const out = new Uint8Array(readFileSync(longTerm));
    expect(Buffer.from(out.subarray(0, bytes.length)).equals(Buffer.from(bytes))).toBe(true);
    expect(await dssArrays(out)).toEqual({ Certs: 3, OCSPs: 1, CRLs: 0 });

    const report = validateAll(longTerm, pki);
    expect(report.pdfsig.map((s) => [s.validation, s.certificate])).toEqual([
      ['Signature is Valid.', 'Certificate is Trusted.'],
    ]);
    expect(report.qpdf.clean).toBe(true);
    expect(report.openssl.map((r) => r.ok)).toEqual([true]);
    expect(report.mupdf.signatures.map((s) => s.digest)).toEqual(['OK']);
    // mupdf 1.21's change checker knows form fields only, so it flags the DSS (a Catalog entry
    // ISO 32000-2 §12.8.4.3 and PAdES allow after any signature); the project's verifier, below,
    // classifies the change as permitted.
    expect(report.mupdf.history).toBe(1);

    const verify = async (path: string) =>
      (
        await verifyPdfBytes(new Uint8Array(readFileSync(path)), path, {
          anchors,
          offline: false,
          cache: createFileRevocationCache(join(dir, 'cache-verify')),
          timeoutMs: 2000,
        })
      ).report;
    const before = await verify(signed);
    const after = await verify(longTerm);
    expect(after.verdict).toBe(before.verdict);
    expect(after.signatures[0]?.revocation).toMatchObject({ status: 'good' });
  });

  it('a second DSS keeps the entries of the first', async () => {
    const first = new Uint8Array(readFileSync(join(dir, 'ký-lt.pdf')));
    const again = join(dir, 'ký-lt2.pdf');
    await addDss(first, again, { certificates: [], ocsps: [], crls: [new Uint8Array([0x30, 0x00])] });
    expect(await dssArrays(new Uint8Array(readFileSync(again)))).toEqual({ Certs: 3, OCSPs: 1, CRLs: 1 });
  });
});
