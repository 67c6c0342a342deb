import { describe, expect, it } from 'vitest';
import { findHeaderFields } from '../../../main/domain/nd30/header-fields.ts';
import { rebuildLines, type TextItem } from '../../../main/domain/nd30/text-lines.ts';

/** One item per word with a visible gap (no space characters), like split runs. */
function words(text: string, x: number, y: number, size = 13): TextItem[] {
  const items: TextItem[] = [];
  let cursor = x;
  for (const word of text.split(' ')) {
    const width = word.length * size * 0.5;
    items.push({ str: word, x: cursor, y, width, size });
    cursor += width + size * 0.3;
  }
  return items;
}

const header = (dateLines: ReadonlyArray<[string, number]>) =>
  findHeaderFields(
    rebuildLines([
      ...words('Số: 05/QĐ-UBND', 120, 724),
      ...dateLines.flatMap(([text, x], i) => words(text, x, 724 - 16 * i)),
      // The left column goes on at the height of the date's second line.
      ...words('V/v triển khai công tác', 110, 708),
    ]),
  );

describe('findHeaderFields: wrapped date lines', () => {
  it('joins "…, ngày 05 tháng 01" and "năm 2027" and boxes both lines', () => {
    const fields = header([
      ['Thành phố Hồ Chí Minh, ngày 05 tháng 01', 300],
      ['năm 2027', 380],
    ]);
    const date = fields.find((f) => f.kind === 'ngay');
    expect(date?.evidence).toContain('Thành phố Hồ Chí Minh, ngày 05 tháng 01 năm 2027');
    expect(date?.line.y).toBe(724);
    expect(date?.lastLine.y).toBe(708);
    expect(date?.x0).toBeLessThanOrEqual(380);
  });

  it('takes the place alone on the first line and the date below it', () => {
    const date = header([
      ['Thành phố Hồ Chí Minh,', 330],
      ['ngày 05 tháng 01 năm 2027', 320],
    ]).find((f) => f.kind === 'ngay');
    expect(date?.line.y).toBe(708);
    expect(date?.lastLine.y).toBe(708);
    expect(date?.x0).toBe(320);
  });

  it('does not borrow a line from the other column', () => {
    expect(header([['Bắc Ninh, ngày 05 tháng 01', 330]]).some((f) => f.kind === 'ngay')).toBe(false);
  });

  it('keeps a date on one line as one line', () => {
    const date = header([['Bắc Ninh, ngày 05 tháng 01 năm 2027', 300]]).find((f) => f.kind === 'ngay');
    expect(date?.lastLine).toBe(date?.line);
    expect(date?.confidence).toBe(0.95);
  });
});
