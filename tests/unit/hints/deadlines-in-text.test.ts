import { describe, expect, it } from 'vitest';
import { WorkingCalendar } from '../../../main/domain/calendar/working-days.ts';
import { findDeadlines, proposedHanXuLy } from '../../../main/domain/hints/deadlines-in-text.ts';
import { dieuHeadings, paragraphsOf } from '../../../main/domain/hints/summary.ts';

const calendar = new WorkingCalendar();
// fixed-date: calendar arithmetic on a known week (Wed 2 Dec 2026), never compared with now.
const ngayDen = '2026-12-02';
// fixed-date: the document's own date, for "kể từ ngày ký".
const ngayBanHanh = '2026-11-30';

describe('deadlines the text sets, proposed as hạn xử lý (#21 point 5)', () => {
  it('10 ngày làm việc is not 10 ngày: weekends are skipped, a period ending on a day off moves on', () => {
    const text =
      'Các sở báo cáo trong thời hạn 10 ngày làm việc kể từ ngày nhận được văn bản này. ' +
      'Ý kiến góp ý gửi trong thời hạn 10 ngày.';
    const [working, days] = findDeadlines(text, { ngayDen, calendar });
    // Wed 2 Dec + 10 working days = Wed 16 Dec.
    expect(working).toMatchObject({ kind: 'so-ngay-lam-viec', days: 10, basis: 'ngay-den', date: '2026-12-16' });
    // Wed 2 Dec + 10 days = Sat 12 Dec → Mon 14 Dec.
    expect(days).toMatchObject({ kind: 'so-ngay', days: 10, date: '2026-12-14' });
    expect(days?.explanation).toContain('12/12/2026');
    expect(working?.text).toBe('Các sở báo cáo trong thời hạn 10 ngày làm việc kể từ ngày nhận được văn bản này');
  });

  it('counts from the document date when the text says "kể từ ngày ký"', () => {
    const [m] = findDeadlines('Trong thời hạn 05 ngày làm việc kể từ ngày ký, các đơn vị rà soát.', {
      ngayDen,
      ngayBanHanh,
      calendar,
    });
    // Mon 30 Nov + 5 working days = Mon 7 Dec.
    expect(m).toMatchObject({ basis: 'ngay-ban-hanh', date: '2026-12-07' });
  });

  it('a fixed date: "trước ngày" is due the working day before, "chậm nhất ngày" on the day; a missing year is read ahead', () => {
    const text =
      'Gửi báo cáo trước ngày 15 tháng 12 năm 2026. Hoàn thành chậm nhất ngày 20/12/2026; ' +
      'tổng kết trước ngày 10 tháng 01.';
    const found = findDeadlines(text, { ngayDen, calendar });
    expect(found.map((m) => m.date)).toEqual(['2026-12-14', '2026-12-20', '2027-01-08']);
    expect(found[0]?.explanation).toContain('15/12/2026');
    // The earliest limit still open on arrival is proposed.
    expect(proposedHanXuLy(found, ngayDen)?.date).toBe('2026-12-14');
  });

  it('a date before the 1st of January: "trước ngày 02 tháng 01 năm 2027" skips the holiday (Tết Dương lịch)', () => {
    const [m] = findDeadlines('Nộp trước ngày 02 tháng 01 năm 2027.', { ngayDen, calendar });
    // 1 Jan is a holiday, so the last working day before the 2nd is Thu 31 Dec.
    expect(m?.date).toBe('2026-12-31');
  });

  it('finds nothing in a text without limits, and proposes nothing past', () => {
    expect(findDeadlines('Quyết định này có hiệu lực kể từ ngày ký.', { ngayDen, calendar })).toEqual([]);
    const past = findDeadlines('Báo cáo trước ngày 15 tháng 11 năm 2026.', { ngayDen, calendar });
    expect(proposedHanXuLy(past, ngayDen)).toBeNull();
  });
});

describe('extractive summary: the Điều headings', () => {
  it('lists each Điều with its first sentence, from wrapped lines', () => {
    const lines = [
      'Căn cứ Luật Tổ chức chính quyền địa phương;',
      'Điều 1. Phê duyệt kế hoạch chuyển đổi số trong công tác văn thư năm 2027 kèm theo',
      'Quyết định này. Kế hoạch gồm ba phần.',
      'Điều 2. Giao Sở Nội vụ chủ trì, phối hợp với các sở triển khai.',
      'Điều 3. Quyết định này có hiệu lực kể từ ngày ký.',
    ];
    expect(dieuHeadings(paragraphsOf(lines))).toEqual([
      { so: 1, text: 'Phê duyệt kế hoạch chuyển đổi số trong công tác văn thư năm 2027 kèm theo Quyết định này.' },
      { so: 2, text: 'Giao Sở Nội vụ chủ trì, phối hợp với các sở triển khai.' },
      { so: 3, text: 'Quyết định này có hiệu lực kể từ ngày ký.' },
    ]);
  });
});
