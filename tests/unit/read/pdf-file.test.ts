import { describe, expect, it } from 'vitest';
import { PdfFile } from '../../../main/services/pdf/read/pdf-file.ts';
import { serialize } from '../../../main/services/pdf/read/serialize.ts';
import { PdfRef, type PdfDict } from '../../../main/services/pdf/read/values.ts';
import { PdfBuilder } from '../../support/read/build-pdf.ts';

const CATALOG = '<< /Type /Catalog /Pages 2 0 R >>';
const PAGES = '<< /Type /Pages /Kids [3 0 R] /Count 1 >>';
const PAGE = '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>';

/** Revision 1 with a classic table; revision 2 rewrites the page and adds object 5. */
function twoRevisions(): { bytes: Uint8Array; firstEnd: number } {
  const b = new PdfBuilder();
  b.object(1, CATALOG);
  b.object(2, PAGES);
  b.object(3, PAGE);
  b.stream(4, '', Buffer.from('BT /F1 12 Tf (Hi) Tj ET'));
  const firstXref = b.table([1, 2, 3, 4], '/Size 5 /Root 1 0 R');
  const firstEnd = b.size;
  b.object(3, PAGE.replace('>>', '/Annots [5 0 R] >>'));
  b.object(5, '<< /Type /Annot /Subtype /Text /Rect [0 0 10 10] >>');
  b.table([3, 5], `/Size 6 /Root 1 0 R /Prev ${firstXref}`);
  return { bytes: b.bytes(), firstEnd };
}

describe('reading a PDF lazily through its cross-reference data', () => {
  it('sees each revision as it was, sharing what did not change', () => {
    const { bytes, firstEnd } = twoRevisions();
    const file = new PdfFile(bytes);
    const now = file.revision();
    const then = file.revision(firstEnd);
    expect(now.reconstructed).toBe(false);
    expect(then.reconstructed).toBe(false);
    expect(serialize(now.lookup(3))).toContain('/Annots [5 0 R]');
    expect(serialize(then.lookup(3))).not.toContain('Annots');
    expect(then.lookup(5)).toBeUndefined();
    // Same offset, same bytes: one parse serves both revisions.
    expect(now.lookup(2)).toBe(then.lookup(2));
    expect(now.changedSince(then).sort()).toEqual([3, 5]);
    expect(
      now
        .refs()
        .map((r) => r.num)
        .sort(),
    ).toEqual([1, 2, 3, 4, 5]);
  });

  it('reads cross-reference streams, object streams and hybrid files', () => {
    const b = new PdfBuilder();
    const objstm = b.objectStream(
      10,
      new Map([
        [1, CATALOG],
        [2, PAGES],
        [3, PAGE],
      ]),
    );
    b.stream(4, '', Buffer.from('q Q'));
    b.xrefStream(
      11,
      new Map<number, [1, number] | [2, number, number]>([
        [1, [2, 10, 0]],
        [2, [2, 10, 1]],
        [3, [2, 10, 2]],
        [4, [1, b.offsets.get(4) as number]],
        [10, [1, objstm]],
      ]),
      '/Root 1 0 R',
    );
    const rev = new PdfFile(b.bytes()).revision();
    expect(rev.catalog()?.name('Type')).toBe('Catalog');
    expect(serialize(rev.get(rev.dict(rev.catalog()?.get('Pages')), 'Kids'))).toBe('[3 0 R]');
    expect(rev.dict(new PdfRef(3, 0))?.name('Type')).toBe('Page');
    expect(rev.unreadable.size).toBe(0);
  });

  it('reconstructs by scanning when startxref points nowhere, as viewers do', () => {
    const { bytes } = twoRevisions();
    const text = Buffer.from(bytes).toString('latin1');
    const broken = Buffer.from(text.replace(/startxref\n(\d+)\n%%EOF\n$/, 'startxref\n999999\n%%EOF\n'), 'latin1');
    const rev = new PdfFile(new Uint8Array(broken)).revision();
    expect(rev.reconstructed).toBe(true);
    expect(serialize(rev.lookup(3))).toContain('/Annots [5 0 R]');
    expect((rev.trailer.get('Size') as number) >= 5).toBe(true);
  });

  it('records an object the xref points at but cannot be read, and resolves loops to nothing', () => {
    const b = new PdfBuilder();
    b.object(1, CATALOG);
    b.object(2, '6 0 R');
    b.object(6, '2 0 R');
    b.object(3, '<< /Broken (unterminated >>');
    b.table([1, 2, 3, 6], '/Size 7 /Root 1 0 R');
    const rev = new PdfFile(b.bytes()).revision();
    expect(rev.lookup(3)).toBeUndefined();
    expect([...rev.unreadable]).toEqual([3]);
    expect(rev.resolve(new PdfRef(2, 0))).toBeUndefined();
    expect(rev.lookup(99)).toBeUndefined();
  });

  it('does not read past the end of a revision', () => {
    const { bytes, firstEnd } = twoRevisions();
    // A prefix cut inside the second update is not a revision: it is reconstructed from its bytes.
    const cut = new PdfFile(bytes).revision(firstEnd + 20);
    expect(cut.reconstructed).toBe(true);
    expect((cut.catalog() as PdfDict).name('Type')).toBe('Catalog');
  });
});
