import { PDFRef } from '@cantoo/pdf-lib';
import { describe, expect, it } from 'vitest';
import { writeXrefSection } from '../../../main/services/pdf/sign/xref-writer.ts';

const base = {
  size: 12,
  prev: 500,
  root: PDFRef.of(1),
  info: undefined,
  id: undefined,
};

describe('increment xref sections', () => {
  it('writes a classic table with 20-byte entries grouped into subsections', () => {
    const text = Buffer.from(
      writeXrefSection({
        ...base,
        kind: 'table',
        offset: 900,
        entries: [
          { ref: PDFRef.of(3), offset: 600 },
          { ref: PDFRef.of(10), offset: 700 },
          { ref: PDFRef.of(11), offset: 800 },
        ],
      }),
    ).toString('latin1');
    expect(text).toContain('xref\n3 1\n0000000600 00000 n \n10 2\n0000000700 00000 n \n0000000800 00000 n \n');
    for (const entry of text.match(/\d{10} \d{5} n \n/g) ?? []) {
      expect(entry).toHaveLength(20);
    }
    expect(text).toContain('<< /Size 12 /Root 1 0 R /Prev 500 >>');
    expect(text.endsWith('startxref\n900\n%%EOF\n')).toBe(true);
  });

  it('writes an xref stream numbered after the new objects, with /Size one past itself', () => {
    const bytes = writeXrefSection({
      ...base,
      kind: 'stream',
      offset: 900,
      entries: [{ ref: PDFRef.of(11), offset: 800 }],
    });
    const text = Buffer.from(bytes).toString('latin1');
    expect(
      text.startsWith('12 0 obj\n<< /Type /XRef /Size 13 /Root 1 0 R /Prev 500 /W [1 4 2] /Index [11 2] /Length 14 >>'),
    ).toBe(true);
    const data = Buffer.from(bytes).subarray(text.indexOf('stream\n') + 7, text.indexOf('stream\n') + 7 + 14);
    expect([...data]).toEqual([1, 0, 0, 3, 32, 0, 0, 1, 0, 0, 3, 132, 0, 0]);
  });
});
