import { execFileSync } from 'node:child_process';
import { readdirSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ErrorCode } from '../../../preload/contract/index.ts';
import { readPdfInput } from '../../../main/services/pdf/sign/input.ts';
import { writeNumber } from '../../../main/services/pdf/sign/write-number.ts';
import { preparePdf } from '../../../main/services/pdf/sign/prepare.ts';
import { signPdf } from '../../../main/services/pdf/sign/sign.ts';
import type { Signer } from '../../../main/services/pdf/signer.ts';
import { softwareSignerFromFiles } from '../../../main/services/pdf/software-signer.ts';
import { makeDocument } from '../../support/corpus/make-document.ts';
import { usePki } from '../../support/pki/use-pki.ts';
import { placementsFrom, read, signerFor, tempDir } from './flow-support.ts';

const pki = usePki();

async function expectCode(promise: Promise<unknown>, code: ErrorCode): Promise<void> {
  await expect(promise).rejects.toMatchObject({ name: 'VanthuError', code });
}

/** The folder holds exactly the given files: no output, no temporary file left behind. */
function expectOnly(dir: string, names: readonly string[]): void {
  expect(readdirSync(dir).sort()).toEqual([...names].sort());
}

async function prepared(dir: string): Promise<string> {
  const doc = await makeDocument();
  const path = join(dir, 'prepared.pdf');
  await preparePdf(doc.bytes, path, placementsFrom(doc.truth));
  return path;
}

describe('bad input gets a clear error and no output', () => {
  it('refuses a truncated PDF', async () => {
    const dir = tempDir();
    const doc = await makeDocument();
    const cut = doc.bytes.subarray(0, Math.floor(doc.bytes.length * 0.6));
    await expectCode(
      signPdf(cut, join(dir, 'out.pdf'), { signer: await signerFor(pki, 'person'), role: 'personal' }),
      'PDF_MALFORMED',
    );
    expectOnly(dir, []);
  });

  it('refuses bytes that are not a PDF', async () => {
    const dir = tempDir();
    const junk = new TextEncoder().encode('<html>không phải PDF</html>');
    await expectCode(preparePdf(junk, join(dir, 'out.pdf'), { signers: [] }), 'PDF_MALFORMED');
    expectOnly(dir, []);
  });

  it('refuses an encrypted PDF', async () => {
    const dir = tempDir();
    const doc = await makeDocument();
    writeFileSync(join(dir, 'plain.pdf'), doc.bytes);
    execFileSync('qpdf', ['--encrypt', '', 'owner', '256', '--', join(dir, 'plain.pdf'), join(dir, 'enc.pdf')]);
    await expectCode(
      signPdf(read(join(dir, 'enc.pdf')), join(dir, 'out.pdf'), {
        signer: await signerFor(pki, 'person'),
        role: 'personal',
      }),
      'PDF_ENCRYPTED',
    );
    expectOnly(dir, ['plain.pdf', 'enc.pdf']);
  });

  it('refuses a file over 50 MB before reading it', async () => {
    const dir = tempDir();
    const path = join(dir, 'big.pdf');
    writeFileSync(path, '%PDF-1.7\n');
    truncateSync(path, 50 * 1024 * 1024 + 1);
    await expectCode(readPdfInput(path), 'FILE_TOO_LARGE');
  });

  it('refuses any change to a document certified with P=1', async () => {
    const dir = tempDir();
    const path = await prepared(dir);
    await signPdf(read(path), join(dir, 'p1.pdf'), {
      signer: await signerFor(pki, 'person'),
      role: 'personal',
      certify: 1,
    });
    await expectCode(
      writeNumber(read(join(dir, 'p1.pdf')), join(dir, 'out.pdf'), {
        soKyHieu: '15/QĐ-UBND',
        ngayBanHanh: '2026-11-22',
      }),
      'PDF_CERTIFIED_NO_CHANGES',
    );
    await expectCode(
      signPdf(read(join(dir, 'p1.pdf')), join(dir, 'out.pdf'), {
        signer: await signerFor(pki, 'org'),
        role: 'organization',
      }),
      'PDF_CERTIFIED_NO_CHANGES',
    );
    expectOnly(dir, ['prepared.pdf', 'p1.pdf']);
  });

  it('refuses a field name that already exists, and a field that is already signed', async () => {
    const dir = tempDir();
    const path = await prepared(dir);
    const doc = await makeDocument();
    await expectCode(preparePdf(read(path), join(dir, 'out.pdf'), placementsFrom(doc.truth)), 'PDF_FIELD_EXISTS');
    await expectCode(
      signPdf(read(path), join(dir, 'out.pdf'), {
        signer: await signerFor(pki, 'person'),
        role: 'personal',
        fieldName: 'SoKyHieu',
      }),
      'PDF_FIELD_EXISTS',
    );
    await signPdf(read(path), join(dir, 'signed.pdf'), { signer: await signerFor(pki, 'person'), role: 'personal' });
    await expectCode(
      signPdf(read(join(dir, 'signed.pdf')), join(dir, 'out.pdf'), {
        signer: await signerFor(pki, 'person'),
        role: 'personal',
      }),
      'PDF_FIELD_EXISTS',
    );
    expectOnly(dir, ['prepared.pdf', 'signed.pdf']);
  });

  it('refuses to certify a document that already carries a signature', async () => {
    const dir = tempDir();
    const path = await prepared(dir);
    await signPdf(read(path), join(dir, 'signed.pdf'), { signer: await signerFor(pki, 'person'), role: 'personal' });
    await expectCode(
      signPdf(read(join(dir, 'signed.pdf')), join(dir, 'out.pdf'), {
        signer: await signerFor(pki, 'org'),
        role: 'organization',
        certify: 2,
      }),
      'INVALID_INPUT',
    );
    expectOnly(dir, ['prepared.pdf', 'signed.pdf']);
  });

  it('refuses an expired certificate before writing anything', async () => {
    const dir = tempDir();
    const path = await prepared(dir);
    const expired = pki.certs.expired;
    if (expired === undefined) {
      throw new Error('test PKI has no expired certificate');
    }
    const signer = await softwareSignerFromFiles(expired.keyPem, expired.certPem, pki.chainPem);
    await expectCode(signPdf(read(path), join(dir, 'out.pdf'), { signer, role: 'personal' }), 'CERT_EXPIRED');
    expectOnly(dir, ['prepared.pdf']);
  });

  it('refuses to number a document that was not prepared', async () => {
    const dir = tempDir();
    const doc = await makeDocument();
    await expectCode(
      writeNumber(doc.bytes, join(dir, 'out.pdf'), { soKyHieu: '15/QĐ-UBND', ngayBanHanh: '2026-11-22' }),
      'PDF_FIELD_NOT_FOUND',
    );
    expectOnly(dir, []);
  });

  it('reports a placeholder too small for the CMS and leaves no file', async () => {
    const dir = tempDir();
    const path = await prepared(dir);
    await expectCode(
      signPdf(read(path), join(dir, 'out.pdf'), {
        signer: await signerFor(pki, 'person'),
        role: 'personal',
        placeholderBytes: 512,
      }),
      'PDF_PLACEHOLDER_TOO_SMALL',
    );
    expectOnly(dir, ['prepared.pdf']);
  });

  it('leaves no file when the signer fails (token removed mid-way)', async () => {
    const dir = tempDir();
    const path = await prepared(dir);
    const real = await signerFor(pki, 'person');
    const failing: Signer = { ...real, sign: () => Promise.reject(new Error('CKR_DEVICE_REMOVED')) };
    await expect(signPdf(read(path), join(dir, 'out.pdf'), { signer: failing, role: 'personal' })).rejects.toThrow(
      'CKR_DEVICE_REMOVED',
    );
    expectOnly(dir, ['prepared.pdf']);
  });

  it('reports a missing output folder as a write failure', async () => {
    const dir = tempDir();
    const path = await prepared(dir);
    await expectCode(
      signPdf(read(path), join(dir, 'không có', 'out.pdf'), {
        signer: await signerFor(pki, 'person'),
        role: 'personal',
      }),
      'FILE_WRITE_FAILED',
    );
  });
});
