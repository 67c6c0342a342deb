import { join } from 'node:path';
import { PDFDocument } from '@cantoo/pdf-lib';
import { describe, expect, it } from 'vitest';
import { numberPdf } from '../../../main/services/pdf/sign/number.ts';
import { preparePdf } from '../../../main/services/pdf/sign/prepare.ts';
import { signPdf } from '../../../main/services/pdf/sign/sign.ts';
import { FIELD_NGAY_BAN_HANH, FIELD_SO_KY_HIEU } from '../../../main/services/pdf/sign/fields.ts';
import { createAppearance } from '../../../main/services/pdf/stamp/appearance.ts';
import { sealPng, signaturePng } from '../../support/corpus/images.ts';
import { makeDocument } from '../../support/corpus/make-document.ts';
import { pdfToText } from '../../support/corpus/render.ts';
import { usePki } from '../../support/pki/use-pki.ts';
import { allValid, validateAll } from '../../support/validators.ts';
import { appended, placementsFrom, read, rewrite, signerFor, startsWith, tempDir } from './flow-support.ts';

const pki = usePki();

type Producer = 'pdf-lib' | 'pdf-lib-objstm' | 'classic' | 'linearize' | 'objstm' | 'mutool-clean' | 'pdftocairo';

async function input(producer: Producer, dir: string) {
  const doc = await makeDocument();
  if (producer === 'pdf-lib') return { bytes: doc.bytes, truth: doc.truth };
  if (producer === 'pdf-lib-objstm') {
    const resaved = await PDFDocument.load(doc.bytes, { updateMetadata: false });
    return { bytes: await resaved.save({ useObjectStreams: true }), truth: doc.truth };
  }
  return { bytes: rewrite(producer, doc.bytes, dir), truth: doc.truth };
}

/** prepare → personal signature (certify P=2) → number → organization seal locking the number fields. */
async function issue(producer: Producer) {
  const dir = tempDir();
  const { bytes, truth } = await input(producer, dir);
  const paths = {
    prepared: join(dir, 'Quyết định 1 - đã chuẩn bị.pdf'),
    signed: join(dir, 'Quyết định 1 - lãnh đạo ký.pdf'),
    numbered: join(dir, 'Quyết định 1 - cấp số.pdf'),
    sealed: join(dir, 'Quyết định 1 - đóng dấu.pdf'),
  };
  await preparePdf(bytes, paths.prepared, placementsFrom(truth));
  await signPdf(read(paths.prepared), paths.signed, {
    signer: await signerFor(pki, 'person'),
    role: 'personal',
    certify: 2,
    appearance: createAppearance,
    imagePng: signaturePng(),
  });
  await numberPdf(read(paths.signed), paths.numbered, {
    soKyHieu: '15/QĐ-UBND',
    ngayBanHanh: '2026-11-22',
    diaDanh: 'Bắc Ninh',
  });
  await signPdf(read(paths.numbered), paths.sealed, {
    signer: await signerFor(pki, 'org'),
    role: 'organization',
    appearance: createAppearance,
    imagePng: sealPng(),
    lockFields: [FIELD_SO_KY_HIEU, FIELD_NGAY_BAN_HANH],
  });
  return { bytes, paths };
}

describe('issuing flow: prepare, sign (P=2), number, seal', () => {
  it.each<Producer>(['pdf-lib-objstm', 'classic'])(
    'every validator accepts both signatures (%s input)',
    async (producer) => {
      const { bytes, paths } = await issue(producer);

      const afterSign = validateAll(paths.signed, pki);
      expect(allValid(afterSign, 1), JSON.stringify(afterSign)).toBe(true);
      const afterNumber = validateAll(paths.numbered, pki);
      expect(allValid(afterNumber, 1), JSON.stringify(afterNumber)).toBe(true);
      const final = validateAll(paths.sealed, pki);
      expect(allValid(final, 2), JSON.stringify(final)).toBe(true);
      expect(final.mupdf.versions).toBe(5);
      expect(final.pdfsig.map((s) => s.signer)).toEqual(['Nguyễn Văn A', 'ỦY BAN NHÂN DÂN TỈNH X']);
      expect(final.pdfsig.every((s) => s.subFilter === 'ETSI.CAdES.detached')).toBe(true);

      // Each revision only appends: the earlier bytes are kept exactly.
      const prepared = read(paths.prepared);
      const signed = read(paths.signed);
      const numbered = read(paths.numbered);
      expect(startsWith(prepared, bytes)).toBe(true);
      expect(startsWith(signed, prepared)).toBe(true);
      expect(startsWith(numbered, signed)).toBe(true);
      expect(startsWith(read(paths.sealed), numbered)).toBe(true);
      // Filling the number re-emits neither the Catalog nor a page (P1, P2).
      const fill = appended(signed, numbered);
      expect(fill).not.toMatch(/\/Type\s*\/Catalog/);
      expect(fill).not.toMatch(/\/Type\s*\/Page\b/);
      expect(await pdfToText(numbered)).toContain('Bắc Ninh, ngày 22 tháng 11 năm 2026');
    },
  );

  it('writes each increment in the xref flavour of the file it extends', async () => {
    const streams = await issue('pdf-lib-objstm');
    const tables = await issue('classic');
    const streamTail = appended(streams.bytes, read(streams.paths.sealed));
    const tableTail = appended(tables.bytes, read(tables.paths.sealed));
    expect(streamTail).toContain('/Type /XRef');
    expect(streamTail).not.toMatch(/\nxref\n/);
    expect(tableTail).toMatch(/\nxref\n/);
    expect(tableTail).not.toContain('/Type /XRef');
  });

  it.each<Producer>(['linearize', 'objstm', 'mutool-clean', 'pdftocairo'])(
    'works on a file rewritten by another producer (%s)',
    async (producer) => {
      const { paths } = await issue(producer);
      const report = validateAll(paths.sealed, pki);
      expect(allValid(report, 2), JSON.stringify(report)).toBe(true);
    },
  );
});
