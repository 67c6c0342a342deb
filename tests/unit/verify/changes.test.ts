import { describe, expect, it } from 'vitest';
import { PdfFile } from '../../../main/services/pdf/read/pdf-file.ts';
import { classifyChanges } from '../../../main/services/pdf/verify/changes/classify.ts';
import { coverageOf } from '../../../main/services/pdf/verify/coverage.ts';
import { locateSignatures } from '../../../main/services/pdf/verify/locate.ts';
import { describeRevision } from '../../../main/services/pdf/read/pdf-model.ts';
import { laterRevisionEnds } from '../../../main/services/pdf/verify/revisions.ts';
import { PdfBuilder } from '../../support/read/build-pdf.ts';

/**
 * One page whose font comes from the page-tree root, a text field "So" with its own appearance
 * stream (object 8): the base revision. Updates are appended by the tests.
 */
function base(): PdfBuilder {
  const b = new PdfBuilder();
  b.object(1, '<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [7 0 R] >> >>');
  b.object(2, '<< /Type /Pages /Kids [3 0 R] /Count 1 /Resources << /Font << /F1 5 0 R >> >> >>');
  b.object(3, '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Annots [7 0 R] >>');
  b.stream(4, '', Buffer.from('BT /F1 12 Tf 72 720 Td (Quyet dinh) Tj ET'));
  b.object(5, '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>');
  b.object(7, '<< /Type /Annot /Subtype /Widget /FT /Tx /T (So) /Rect [0 0 50 10] /P 3 0 R /AP << /N 8 0 R >> >>');
  b.stream(8, '/Type /XObject /Subtype /Form /BBox [0 0 50 10]', Buffer.from(''));
  b.table([1, 2, 3, 4, 5, 7, 8], '/Size 9 /Root 1 0 R');
  return b;
}

function models(bytes: Uint8Array, ends: readonly number[]) {
  const file = new PdfFile(bytes);
  return ends.map((end) => describeRevision(file.revision(end)));
}

const P2 = { docMdp: 2, lock: null } as const;

describe('change analysis by use', () => {
  it('ISO 32000-1 §7.7.3.4: a font inherited from the page tree, changed, is page content', () => {
    const b = base();
    const signedEnd = b.size;
    b.object(5, '<< /Type /Font /Subtype /Type1 /BaseFont /Courier >>');
    b.table([5], `/Size 9 /Root 1 0 R /Prev ${startxrefOf(b, signedEnd)}`);
    const bytes = b.bytes();
    const [signed, current] = models(bytes, [signedEnd, bytes.length]);
    const report = classifyChanges(signed!, current!, P2);
    expect(report.verdict).toBe('not-permitted');
    expect(report.objects[0]).toMatchObject({ ref: '5 0', role: 'content', permitted: false });
  });

  it('ISO 32000-1 Table 254: filling a field redraws its appearance; a later redraw without a value is judged on its own', () => {
    const b = base();
    const signedEnd = b.size;
    b.object(
      7,
      '<< /Type /Annot /Subtype /Widget /FT /Tx /T (So) /V (15) /Rect [0 0 50 10] /P 3 0 R /AP << /N 8 0 R >> >>',
    );
    b.stream(8, '/Type /XObject /Subtype /Form /BBox [0 0 50 10]', Buffer.from('BT (15) Tj ET'));
    b.table([7, 8], `/Size 9 /Root 1 0 R /Prev ${startxrefOf(b, signedEnd)}`);
    const filledEnd = b.size;
    b.stream(8, '/Type /XObject /Subtype /Form /BBox [0 0 50 10]', Buffer.from('BT (99) Tj ET'));
    b.table([8], `/Size 9 /Root 1 0 R /Prev ${startxrefOf(b, filledEnd)}`);
    const bytes = b.bytes();
    const [signed, filled, current] = models(bytes, [signedEnd, filledEnd, bytes.length]);
    // Seen as one span the redraw hides inside the filling; update by update it does not.
    expect(classifyChanges(signed!, filled!, P2).verdict).toBe('permitted');
    expect(classifyChanges(signed!, current!, P2).verdict).toBe('permitted');
    const byUpdate = classifyChanges(signed!, current!, P2, [filled!]);
    expect(byUpdate.verdict).toBe('not-permitted');
    expect(byUpdate.objects.find((o) => o.ref === '8 0')?.note).toContain('giá trị không đổi');
  });

  it('every decision names its clause, and an added object nobody uses is harmless', () => {
    const b = base();
    const signedEnd = b.size;
    b.object(9, '<< /Unused true >>');
    b.table([9], `/Size 10 /Root 1 0 R /Prev ${startxrefOf(b, signedEnd)}`);
    const bytes = b.bytes();
    const [signed, current] = models(bytes, [signedEnd, bytes.length]);
    const report = classifyChanges(signed!, current!, { docMdp: 1, lock: null });
    expect(report.verdict).toBe('permitted');
    expect(report.objects[0]?.clause).toContain('§7.5.6');
  });
});

describe('revisions and coverage', () => {
  it('finds the end of each later update, not a bare %%EOF inside a stream', () => {
    const b = base();
    const first = b.size;
    b.stream(9, '', Buffer.from('an embedded file ends with\n%%EOF\n'));
    b.table([9], `/Size 10 /Root 1 0 R /Prev ${startxrefOf(b, first)}`);
    const bytes = b.bytes();
    expect(laterRevisionEnds(bytes, first)).toEqual([bytes.length]);
    expect(laterRevisionEnds(bytes, 0)).toEqual([first, bytes.length]);
  });

  it('counts each "startxref n %%EOF" with one end-of-line, CR LF, CR or LF, and nothing short of it', () => {
    const text = 'a\nstartxref\r\n12\r\n%%EOF\r\nb startxref 3 %%EOF\rc startxref\t4\n%%EO\nstartxref 5\n%%EOF\n\nd';
    const bytes = new Uint8Array(Buffer.from(text, 'latin1'));
    const ends = [text.indexOf('b '), text.indexOf('c '), text.indexOf('\nd')];
    expect(laterRevisionEnds(bytes, 0)).toEqual([...ends, bytes.length]);
    expect(laterRevisionEnds(bytes, ends[0] as number)).toEqual([ends[1], ends[2], bytes.length]);
  });

  it('ISO 32000-1 §12.8.1: an exact hole ending a revision is "revision"; one ending inside an update is "partial"', () => {
    const head = '%PDF-1.7\n1 0 obj\n<< /ByteRange [0 AAAAAA BBBBBB CCCCCC] /Contents <00> >>\nendobj\n';
    const tail = 'startxref\n0\n%%EOF\n';
    const text = head + tail + 'more bytes of a later update\nstartxref\n0\n%%EOF\n';
    const holeStart = head.indexOf('<00>');
    const holeEnd = holeStart + 4;
    const fill = (end: number) =>
      text
        .replace('AAAAAA', String(holeStart).padStart(6, '0'))
        .replace('BBBBBB', String(holeEnd).padStart(6, '0'))
        .replace('CCCCCC', String(end - holeEnd).padStart(6, '0'));
    const at = (end: number) => {
      const t = fill(end);
      const bytes = new Uint8Array(Buffer.from(t, 'latin1'));
      const [sig] = locateSignatures(bytes);
      return sig === undefined ? 'none' : coverageOf(sig, bytes);
    };
    expect(at((head + tail).length)).toBe('revision');
    expect(at((head + tail).length - 3)).toBe('partial');
    expect(at(text.length)).toBe('whole');
  });
});

/** The offset of the last cross-reference section written before `end` (the builder's /Prev). */
function startxrefOf(b: PdfBuilder, end: number): number {
  const text = Buffer.from(b.bytes().subarray(0, end)).toString('latin1');
  return Number(/startxref\s+(\d+)\s+%%EOF\s*$/.exec(text)?.[1]);
}
