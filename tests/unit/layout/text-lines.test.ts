import { describe, expect, it } from 'vitest';
import { findHeaderFields } from '../../../main/domain/nd30/header-fields.ts';
import { findSignerBlocks } from '../../../main/domain/nd30/signer-blocks.ts';
import { rebuildLines, type TextItem } from '../../../main/domain/nd30/text-lines.ts';

/** Items split like pdftocairo output: one per glyph run, spaces dropped. */
function glyphRuns(parts: readonly string[], x: number, y: number, size = 13): TextItem[] {
  const items: TextItem[] = [];
  let cursor = x;
  for (const part of parts) {
    const width = part.length * size * 0.55;
    items.push({ str: part, x: cursor, y, width, size });
    cursor += width + (part.endsWith(' ') ? 0 : 0.01);
  }
  return items;
}

function spaced(text: string, x: number, y: number, size = 13): TextItem[] {
  // Words as separate items with a visible gap but no space characters.
  const items: TextItem[] = [];
  let cursor = x;
  for (const word of text.split(' ')) {
    const width = word.length * size * 0.55;
    items.push({ str: word, x: cursor, y, width, size });
    cursor += width + size * 0.3;
  }
  return items;
}

describe('rebuildLines', () => {
  it('joins glyph runs, restores dropped spaces and normalises to NFC', () => {
    const items = [
      ...glyphRuns(['KT. CH', 'Ủ', 'T', 'Ị', 'CH'], 360, 400),
      ...spaced('Nguye\u0302\u0303n Văn A', 360, 320),
    ];
    const lines = rebuildLines(items);
    expect(lines.map((l) => l.text)).toEqual(['KT. CHỦTỊCH', 'Nguyễn Văn A']);
  });

  it('keeps two columns on one baseline apart', () => {
    const items = [...spaced('Nơi nhận:', 85, 400, 12), ...spaced('TM. ỦY BAN NHÂN DÂN', 360, 400)];
    expect(rebuildLines(items).map((l) => l.text)).toEqual(['Nơi nhận:', 'TM. ỦY BAN NHÂN DÂN']);
  });

  it('treats baselines within 2 pt as one line', () => {
    const items = [...spaced('PHÓ', 360, 400), ...spaced('CHỦ TỊCH', 390, 401.5)];
    expect(rebuildLines(items)).toHaveLength(1);
  });
});

describe('findSignerBlocks', () => {
  it('finds a KT. block with its name below the signature gap', () => {
    const lines = rebuildLines([
      ...spaced('Nơi nhận:', 85, 420, 12),
      ...spaced('TM. ỦY BAN NHÂN DÂN', 360, 420),
      ...spaced('KT. CHỦ TỊCH', 385, 404),
      ...spaced('PHÓ CHỦ TỊCH', 380, 388),
      ...spaced('Nguyễn Thị Loan', 375, 310),
    ]);
    const [block, ...rest] = findSignerBlocks(lines);
    expect(rest).toHaveLength(0);
    expect(block?.authority).toBe('TM');
    expect(block?.titleLines.map((l) => l.text)).toEqual(['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH']);
    expect(block?.nameLine?.text).toBe('Nguyễn Thị Loan');
    expect(block?.confidence).toBeGreaterThan(0.9);
  });

  it('returns two blocks of a joint document separately', () => {
    const lines = rebuildLines([
      ...spaced('GIÁM ĐỐC SỞ TÀI CHÍNH', 100, 420),
      ...spaced('GIÁM ĐỐC SỞ NỘI VỤ', 360, 420),
      ...spaced('Trần Văn Bình', 120, 330),
      ...spaced('Lê Thị Hoa', 380, 330),
    ]);
    const blocks = findSignerBlocks(lines);
    expect(blocks.map((b) => b.nameLine?.text).sort()).toEqual(['Lê Thị Hoa', 'Trần Văn Bình']);
  });

  it('ignores capital headings that have no name under them', () => {
    const lines = rebuildLines([
      ...spaced('CHƯƠNG TRÌNH CÔNG TÁC CỦA GIÁM ĐỐC', 150, 600),
      ...spaced('Nội dung chính như sau:', 85, 580),
    ]);
    expect(findSignerBlocks(lines)).toHaveLength(0);
  });
});

describe('findHeaderFields', () => {
  it('boxes the number before the slash and the date after the comma', () => {
    const lines = rebuildLines([
      ...spaced('Số: 15/QĐ-UBND', 140, 724),
      ...spaced('Bắc Ninh, ngày 22 tháng 11 năm 2026', 313, 724),
    ]);
    const fields = findHeaderFields(lines);
    expect(fields.map((f) => f.kind)).toEqual(['so', 'ngay']);
    const so = fields[0];
    expect(so?.x0).toBeGreaterThan(140);
    expect(so?.x0).toBeLessThan(so?.x1 ?? 0);
  });
});

describe('findSignerBlocks: name lines', () => {
  const block = (name: string) =>
    findSignerBlocks(
      rebuildLines([
        ...spaced('KT. GIÁM ĐỐC', 385, 420),
        ...spaced('PHÓ GIÁM ĐỐC', 380, 404),
        ...spaced(name, 375, 320),
      ]),
    )[0]?.nameLine?.text;

  it('accepts a rank before the name and a name in capitals', () => {
    expect(block('Đại tá Nguyễn Văn An')).toBe('Đại tá Nguyễn Văn An');
    expect(block('NGUYỄN VĂN AN')).toBe('NGUYỄN VĂN AN');
  });

  it('does not take a sentence or a list item for a name', () => {
    expect(block('Kính gửi các đơn vị trực thuộc;')).toBeUndefined();
    expect(block('- Như trên')).toBeUndefined();
    expect(block('Trong quá trình thực hiện nếu có vướng mắc')).toBeUndefined();
  });
});
