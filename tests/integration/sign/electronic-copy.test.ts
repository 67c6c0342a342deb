import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { signCopy } from '../../../main/services/pdf/sign/appendix.ts';
import { signPdf } from '../../../main/services/pdf/sign/sign.ts';
import { createAppearance } from '../../../main/services/pdf/stamp/appearance.ts';
import { createFileRevocationCache } from '../../../main/services/pdf/verify/revocation-cache.ts';
import { loadTrustStore } from '../../../main/services/pdf/verify/trust-store.ts';
import { verifyPdfBytes } from '../../../main/services/pdf/verify/verify-document.ts';
import type { VerifyReport } from '../../../preload/contract/verify.ts';
import { makeDocument } from '../../support/corpus/make-document.ts';
import { inkBounds, pdfToText, renderPage } from '../../support/corpus/render.ts';
import { usePki } from '../../support/pki/use-pki.ts';
import { allValid, validateAll } from '../../support/validators.ts';
import { read, signerFor, tempDir } from './flow-support.ts';
import { issueAuto } from './issue-support.ts';
import { testNow } from '../../support/clock/clock.ts';

const pki = usePki();
const CO_QUAN_SAO = 'SỞ NỘI VỤ TỈNH BẮC NINH';

/** Our verifier, offline (no OCSP/CRL here, so at best as sure as for the issued original). */
async function ours(path: string, dir: string): Promise<VerifyReport> {
  const { report } = await verifyPdfBytes(read(path), path, {
    anchors: loadTrustStore([pki.rootPem, pki.subPem]),
    offline: true,
    cache: createFileRevocationCache(join(dir, 'cache')),
  });
  return report;
}

describe('electronic copy (SAO Y / SAO LỤC / TRÍCH SAO) of a document the app issued', () => {
  it('is a new file, signed by the copying organization, that every validator and our verifier accept', async () => {
    const dir = tempDir();
    const { bytes } = await makeDocument();
    const issued = await issueAuto(pki, bytes, dir);
    const out = join(dir, 'Bản sao y.pdf');
    const signingTime = testNow();
    await signCopy(read(issued.sealed), out, {
      signer: await signerFor(pki, 'org'),
      appearance: createAppearance,
      hinhThuc: 'SAO Y',
      coQuanSao: CO_QUAN_SAO,
      signingTime,
    });

    const report = validateAll(out, pki);
    expect(allValid(report, 1), JSON.stringify(report)).toBe(true);
    expect(report.mupdf.versions).toBe(2);
    const verdict = await ours(out, dir);
    expect(verdict.signatures.map((x) => [x.integrity, x.coverage, x.changesAfter])).toEqual([['ok', 'whole', 'none']]);
    expect(verdict.verdict).not.toBe('invalid');
    expect(verdict.verdict).toBe((await ours(issued.sealed, dir)).verdict);
    const text = await pdfToText(read(out));
    expect(text).toContain(`SAO Y; ${CO_QUAN_SAO};`);
    expect(text).toContain('QUYẾT ĐỊNH');

    // The signature image and the seal are seen where they are on the issued document.
    const [original, copy] = await Promise.all([renderPage(read(issued.sealed), 0), renderPage(read(out), 0)]);
    for (const ink of ['blue', 'red'] as const) {
      const a = inkBounds(original, ink);
      const b = inkBounds(copy, ink);
      expect(a, ink).toBeDefined();
      for (const side of ['x0', 'y0', 'x1', 'y1'] as const) {
        expect(Math.abs((a?.[side] ?? 0) - (b?.[side] ?? -99)), `${ink} ${side}`).toBeLessThanOrEqual(2);
      }
    }

    // The issued original travels inside the copy, unchanged and still valid.
    expect(execFileSync('pdfdetach', ['-list', out], { encoding: 'utf8' })).toContain('1: VanBanGoc.pdf');
    const original2 = join(dir, 'tách ra.pdf');
    execFileSync('pdfdetach', ['-save', '1', '-o', original2, out]);
    expect(Buffer.from(read(original2)).equals(Buffer.from(read(issued.sealed)))).toBe(true);
    expect(allValid(validateAll(original2, pki), 2)).toBe(true);
  });

  it('makes a TRÍCH SAO of chosen pages without the original attached', async () => {
    const dir = tempDir();
    const { bytes } = await makeDocument({ appendixPages: 2 });
    const issued = await issueAuto(pki, bytes, dir);
    const out = join(dir, 'Bản trích sao.pdf');
    await signCopy(read(issued.sealed), out, {
      signer: await signerFor(pki, 'org'),
      appearance: createAppearance,
      hinhThuc: 'TRÍCH SAO',
      coQuanSao: CO_QUAN_SAO,
      pageIndexes: [0, 2],
      signingTime: testNow(),
    });
    const report = validateAll(out, pki);
    expect(allValid(report, 1), JSON.stringify(report)).toBe(true);
    expect(execFileSync('pdfinfo', [out], { encoding: 'utf8' })).toMatch(/Pages:\s+2\n/);
    expect(execFileSync('pdfdetach', ['-list', out], { encoding: 'utf8' })).toMatch(/^0 embedded files/);
    expect(await pdfToText(read(out), 1)).toContain('Phụ lục II');
  });

  it('signs a digitised paper document (no signature yet) as it is, in one revision', async () => {
    const dir = tempDir();
    const { bytes } = await makeDocument();
    const out = join(dir, 'Bản sao số hóa.pdf');
    await signCopy(bytes, out, {
      signer: await signerFor(pki, 'org'),
      appearance: createAppearance,
      hinhThuc: 'SAO Y',
      coQuanSao: CO_QUAN_SAO,
      signingTime: testNow(),
    });
    expect(Buffer.from(read(out).subarray(0, bytes.length)).equals(Buffer.from(bytes))).toBe(true);
    expect(allValid(validateAll(out, pki), 1)).toBe(true);
  });

  it('(control) the issued file itself cannot take a new signature field', async () => {
    const dir = tempDir();
    const { bytes } = await makeDocument();
    const issued = await issueAuto(pki, bytes, dir);
    await expect(
      signPdf(read(issued.sealed), join(dir, 'x.pdf'), {
        signer: await signerFor(pki, 'org'),
        role: 'copy',
        placement: { pageIndex: 0, rect: { x: 300, y: 800, width: 260, height: 16 } },
      }),
    ).rejects.toMatchObject({ code: 'PDF_CERTIFIED_NO_CHANGES' });
  });
});
