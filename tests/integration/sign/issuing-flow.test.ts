import { PDFDocument } from '@cantoo/pdf-lib';
import { describe, expect, it } from 'vitest';
import { makeDocument } from '../../support/corpus/make-document.ts';
import { pdfToText } from '../../support/corpus/render.ts';
import { usePki } from '../../support/pki/use-pki.ts';
import { allValid, validateAll } from '../../support/validators.ts';
import { appended, issueDocument, placementsFrom, read, rewrite, startsWith, tempDir } from './flow-support.ts';

const pki = usePki();

type Producer = 'pdf-lib' | 'pdf-lib-objstm' | 'classic' | 'linearize' | 'objstm' | 'mutool-clean' | 'pdftocairo';

async function input(producer: Producer, dir: string) {
  const doc = await makeDocument();
  if (producer === 'pdf-lib') {
    return { bytes: doc.bytes, truth: doc.truth };
  }
  if (producer === 'pdf-lib-objstm') {
    const resaved = await PDFDocument.load(doc.bytes, { updateMetadata: false });
    return { bytes: await resaved.save({ useObjectStreams: true }), truth: doc.truth };
  }
  return { bytes: rewrite(producer, doc.bytes, dir), truth: doc.truth };
}

async function issue(producer: Producer) {
  const dir = tempDir();
  const { bytes, truth } = await input(producer, dir);
  return { bytes, paths: await issueDocument(pki, bytes, placementsFrom(truth), dir) };
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
