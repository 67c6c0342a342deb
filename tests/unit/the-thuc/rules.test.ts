import { describe, expect, it } from 'vitest';
import { rebuildLines } from '../../../main/domain/nd30/text-lines.ts';
import { checkPages } from '../../../main/services/the-thuc/check.ts';
import type { DraftPage, FontItem } from '../../../main/services/the-thuc/model.ts';

const A4 = { width: 595.3, height: 841.9 };
const BOLD = 'LiberationSerif-Bold';
const ITALIC = 'LiberationSerif-Italic';
const REGULAR = 'LiberationSerif';

/** One item per line; widths roughly half an em per character, as Times sets Vietnamese. */
function item(str: string, x: number, y: number, size: number, font: string): FontItem {
  return { str, x, y, width: str.length * size * 0.5, size, font, bold: /Bold/.test(font) };
}

/** Page 1 of a well-formed Quyết định, with `date` on the date line. */
function page(date: string, authority = 'KT. CHỦ TỊCH'): DraftPage {
  const items = [
    item('ỦY BAN NHÂN DÂN TỈNH', 100, 785, 12, BOLD),
    item('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 300, 785, 12, BOLD),
    item('Độc lập - Tự do - Hạnh phúc', 320, 770, 13, BOLD),
    item('Số: 15/QĐ-UBND', 110, 740, 13, REGULAR),
    item(date, 300, 740, 14, ITALIC),
    item('QUYẾT ĐỊNH', 270, 700, 14, BOLD),
    item('Về việc ban hành quy chế', 230, 684, 14, BOLD),
    item('Nơi nhận:', 86, 300, 12, 'LiberationSerif-BoldItalic'),
    item('- Như trên;', 86, 286, 11, REGULAR),
    item(authority, 380, 300, 14, BOLD),
    item('PHÓ CHỦ TỊCH', 380, 284, 14, BOLD),
    item('Nguyễn Thị Loan', 380, 190, 14, BOLD),
  ];
  return { pageIndex: 0, ...A4, items, lines: rebuildLines(items), rules: [{ x0: 320, x1: 320 + 27 * 6.5, y: 760 }] };
}

const rulesOf = (p: DraftPage): string[] => checkPages([p]).map((f) => f.rule);

describe('thể thức rules on a page (#21)', () => {
  it('a date with its zeros and an allowed quyền hạn raise no date or signer finding', () => {
    const found = rulesOf(page('Bắc Ninh, ngày 05 tháng 01 năm 2027'));
    expect(found).not.toContain('ngay-thang');
    expect(found).not.toContain('nguoi-ky');
    expect(found).not.toContain('quoc-hieu');
  });

  it('"ngày 5 tháng 1" is a finding that names Phụ lục I and its tolerance', () => {
    const findings = checkPages([page('Bắc Ninh, ngày 5 tháng 1 năm 2027')]).filter((f) => f.rule === 'ngay-thang');
    expect(findings.map((f) => f.message)).toEqual(['Ngày nhỏ hơn 10 phải viết 05.', 'Tháng 1 và 2 phải viết 01.']);
    expect(findings[0]?.source).toBe('NĐ 30/2020/NĐ-CP, Phụ lục I, Phần II, mục 4');
    expect(findings[0]?.tolerance).toMatch(/05 tháng 01/);
    expect(findings[0]?.box?.y).toBeGreaterThan(0);
  });

  it('a quyền hạn outside TM./KT./Q./TL./TUQ. is a finding', () => {
    expect(rulesOf(page('Bắc Ninh, ngày 05 tháng 01 năm 2027', 'K/T CHỦ TỊCH'))).toContain('nguoi-ky');
  });
});
