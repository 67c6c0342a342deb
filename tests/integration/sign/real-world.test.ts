import { readFileSync } from 'node:fs';
import { PDFDocument, PDFName, StandardFonts } from '@cantoo/pdf-lib';
import { describe, expect, it } from 'vitest';
import { makeDocument } from '../../support/corpus/make-document.ts';
import { usePki } from '../../support/pki/use-pki.ts';
import { allValid, mupdfCheck, validateAll } from '../../support/validators.ts';
import { appended, autoPlacements, issueDocument, read, tempDir } from './flow-support.ts';

const pki = usePki();
const FIXTURES = new URL('../../fixtures/pdf/', import.meta.url);

describe('real-world inputs', () => {
  it('issues a LibreOffice export of a .docx, placed by the layout module', async () => {
    const bytes = new Uint8Array(readFileSync(new URL('lo-qd-kt-1.pdf', FIXTURES)));
    const paths = await issueDocument(pki, bytes, await autoPlacements(bytes), tempDir());
    const report = validateAll(paths.sealed, pki);
    expect(allValid(report, 2), JSON.stringify(report)).toBe(true);
  });

  it('issues a document whose pages carry /Rotate 90', async () => {
    const doc = await makeDocument({ rotation: 90 });
    const paths = await issueDocument(pki, doc.bytes, await autoPlacements(doc.bytes), tempDir());
    const report = validateAll(paths.sealed, pki);
    expect(allValid(report, 2), JSON.stringify(report)).toBe(true);
  });

  it('issues a PDF/A-1b file and keeps its classic xref tables', async () => {
    // LibreOffice's PDF/A-1b export of lo-cv-kt-1.docx, committed (tests/fixtures/pdf/SOURCES.md):
    // the suite must not need LibreOffice on the machine.
    const dir = tempDir();
    const bytes = new Uint8Array(readFileSync(new URL('lo-cv-kt-1.pdfa1b.pdf', FIXTURES)));
    expect(Buffer.from(bytes).toString('latin1')).toContain('pdfaid:part');
    const paths = await issueDocument(pki, bytes, await autoPlacements(bytes), dir);
    const report = validateAll(paths.sealed, pki);
    expect(allValid(report, 2), JSON.stringify(report)).toBe(true);
    const tail = appended(bytes, read(paths.sealed));
    expect(tail).not.toContain('/Type /XRef');
    expect(tail.match(/\nxref\n/g)?.length).toBe(4);
  });

  it('keeps form fields and annotations made by other tools, on pages of different sizes', async () => {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.TimesRoman);
    const a4 = doc.addPage([595.28, 841.89]);
    const landscape = doc.addPage([1190.55, 841.89]);
    const a5 = doc.addPage([419.53, 595.28]);
    a4.drawText('Page one', { x: 72, y: 760, size: 14, font });
    landscape.drawText('Wide table page', { x: 72, y: 760, size: 14, font });
    a5.drawText('Last page', { x: 40, y: 540, size: 12, font });
    const form = doc.getForm();
    form.createTextField('GhiChu').addToPage(a4, { x: 72, y: 600, width: 200, height: 20 });
    form.createCheckBox('DaDoc').addToPage(a4, { x: 72, y: 560, width: 14, height: 14 });
    const link = doc.context.register(
      doc.context.obj({
        Type: 'Annot',
        Subtype: 'Link',
        Rect: [72, 500, 200, 520],
        Border: [0, 0, 0],
        A: { S: 'URI', URI: 'https://example.invalid' },
      }),
    );
    a4.node.set(PDFName.of('Annots'), doc.context.obj([...(a4.node.Annots()?.asArray() ?? []), link]));
    const bytes = await doc.save({ useObjectStreams: true });

    const placements = {
      soKyHieu: { pageIndex: 0, rect: { x: 72, y: 700, width: 200, height: 18 } },
      ngayBanHanh: { pageIndex: 0, rect: { x: 300, y: 700, width: 250, height: 18 } },
      signers: [
        { role: 'personal' as const, placement: { pageIndex: 2, rect: { x: 220, y: 150, width: 150, height: 60 } } },
        {
          role: 'organization' as const,
          placement: { pageIndex: 2, rect: { x: 170, y: 130, width: 100, height: 100 } },
        },
      ],
    };
    const paths = await issueDocument(pki, bytes, placements, tempDir());
    const report = validateAll(paths.sealed, pki);
    expect(allValid(report, 2), JSON.stringify(report)).toBe(true);
    expect(report.mupdf.signatures.map((s) => s.page)).toEqual([2, 2]);

    const signed = await PDFDocument.load(read(paths.sealed), { updateMetadata: false });
    const names = signed
      .getForm()
      .getFields()
      .map((f) => f.getName());
    expect(names).toEqual(
      expect.arrayContaining(['GhiChu', 'DaDoc', 'SoKyHieu', 'NgayBanHanh', 'ChuKy_NguoiKy', 'ChuKy_CoQuan']),
    );
    // Their two widgets and the link, plus our number and date fields.
    expect(signed.getPage(0).node.Annots()?.size()).toBe(5);
    expect(signed.getPages().map((p) => Math.round(p.getWidth()))).toEqual([595, 1191, 420]);
    expect(mupdfCheck(paths.sealed).history).toBe(0);
  });
});
