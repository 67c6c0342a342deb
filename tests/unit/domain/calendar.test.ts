import { describe, expect, it } from 'vitest';
import { isoOfJdn, jdnOfIso, weekdayOfJdn } from '../../../main/domain/calendar/civil-date.ts';
import { holidaysOfYear } from '../../../main/domain/calendar/holidays.ts';
import { jdnOfLunar, lunarOfJdn, monthsOfLunarYear, tetJdn } from '../../../main/domain/calendar/lunar.ts';
import { WorkingCalendar } from '../../../main/domain/calendar/working-days.ts';

// Dates below are published calendar facts (âm lịch tables, the government's holiday notices);
// they do not age, so they are written out rather than derived from a clock.
const tet = (year: number): string => isoOfJdn(tetJdn(year));
const gioTo = (year: number): string => isoOfJdn(jdnOfLunar({ lunarYear: year, month: 3, leap: false, day: 10 }));

describe('âm lịch, computed for UTC+7', () => {
  it('puts Tết on the published days, 2027 and 2028 included', () => {
    expect(tet(2024)).toBe('2024-02-10');
    expect(tet(2025)).toBe('2025-01-29');
    expect(tet(2026)).toBe('2026-02-17');
    expect(tet(2027)).toBe('2027-02-06');
    expect(tet(2028)).toBe('2028-01-26');
  });

  it('follows Vietnam’s meridian where it differs from China’s (Tết 1985 and 2007)', () => {
    expect(tet(1985)).toBe('1985-01-21');
    expect(tet(2007)).toBe('2007-02-17');
  });

  it('puts Giỗ Tổ Hùng Vương (10/3 âm lịch) on the published days', () => {
    expect(gioTo(2024)).toBe('2024-04-18');
    expect(gioTo(2025)).toBe('2025-04-07');
    expect(gioTo(2026)).toBe('2026-04-26');
    expect(gioTo(2027)).toBe('2027-04-16');
    expect(gioTo(2028)).toBe('2028-04-04');
  });

  it('finds the leap months of 2020, 2023, 2025 and 2028 and none in 2024, 2026, 2027', () => {
    const leap = (year: number): number | null => monthsOfLunarYear(year).find((m) => m.leap)?.month ?? null;
    expect([2020, 2023, 2024, 2025, 2026, 2027, 2028].map(leap)).toEqual([4, 2, null, 6, null, null, 5]);
  });

  it('keeps every year whole for a century: 12 or 13 months of 29 or 30 days, Tết 21/1–20/2', () => {
    for (let year = 1990; year <= 2090; year += 1) {
      const months = monthsOfLunarYear(year);
      expect([12, 13]).toContain(months.length);
      expect(months.filter((m) => m.leap).length).toBe(months.length - 12);
      for (const [i, month] of months.entries()) {
        expect([29, 30]).toContain(month.length);
        const next = months[i + 1];
        if (next !== undefined) {
          expect(next.startJdn).toBe(month.startJdn + month.length);
        }
      }
      const first = tet(year).slice(5);
      expect(first >= '01-21' && first <= '02-20').toBe(true);
      expect(months.at(-1)!.startJdn + months.at(-1)!.length).toBe(tetJdn(year + 1));
    }
  });

  it('converts both ways: every day of 2027 maps to a lunar date and back', () => {
    for (let jdn = jdnOfIso('2027-01-01'); jdn <= jdnOfIso('2027-12-31'); jdn += 1) {
      expect(jdnOfLunar(lunarOfJdn(jdn))).toBe(jdn);
    }
    expect(lunarOfJdn(jdnOfIso('2027-02-05'))).toEqual({ lunarYear: 2026, month: 12, leap: false, day: 29 });
  });

  it('refuses a lunar day that does not exist', () => {
    expect(() => jdnOfLunar({ lunarYear: 2027, month: 4, leap: true, day: 1 })).toThrow(RangeError);
    expect(() => jdnOfIso('2027-02-30')).toThrow(RangeError);
  });
});

describe('ngày nghỉ lễ and ngày làm việc (Bộ luật Lao động 2019 Điều 111–112)', () => {
  it('gives 2027 its holidays with the default Tết block, nghỉ bù for weekend days', () => {
    const days = holidaysOfYear(2027).map((h) => `${h.date} ${h.kind}`);
    expect(days).toEqual([
      '2027-01-01 tet-duong-lich',
      // Tết 6/2/2027 is a Saturday: 5/2 (29 tháng Chạp) to 9/2, Sat and Sun made up on 10 and 11/2.
      '2027-02-05 tet-am-lich',
      '2027-02-06 tet-am-lich',
      '2027-02-07 tet-am-lich',
      '2027-02-08 tet-am-lich',
      '2027-02-09 tet-am-lich',
      '2027-02-10 nghi-bu',
      '2027-02-11 nghi-bu',
      '2027-04-16 gio-to-hung-vuong',
      '2027-04-30 giai-phong-mien-nam',
      // 1/5/2027 is a Saturday: made up on Monday 3/5.
      '2027-05-01 quoc-te-lao-dong',
      '2027-05-03 nghi-bu',
      '2027-09-02 quoc-khanh',
      '2027-09-03 quoc-khanh',
    ]);
    expect(weekdayOfJdn(jdnOfIso('2027-05-01'))).toBe(6);
  });

  it('takes the year’s announced blocks and swapped Saturdays over the defaults', () => {
    const arrangement = {
      year: 2027,
      reference: 'Thông báo thử nghiệm',
      blocks: { 'tet-am-lich': ['2027-02-04', '2027-02-05', '2027-02-08', '2027-02-09', '2027-02-10'] },
      extraDaysOff: [{ date: '2027-11-24', name: 'Ngày Văn hóa Việt Nam' }],
      workdays: ['2027-02-20'],
    };
    const calendar = new WorkingCalendar([arrangement]);
    expect(calendar.isWorkingDay('2027-02-11')).toBe(true);
    expect(calendar.isWorkingDay('2027-02-04')).toBe(false);
    expect(calendar.holiday('2027-02-04')?.source).toBe('thong-bao');
    expect(calendar.isWorkingDay('2027-02-20')).toBe(true);
    expect(calendar.isWorkingDay('2027-11-24')).toBe(false);
    expect(new WorkingCalendar().isWorkingDay('2027-11-24')).toBe(true);
  });

  it('counts working days across a weekend and a holiday', () => {
    const calendar = new WorkingCalendar();
    // Thursday 29/4/2027 → Friday 30/4 and Saturday 1/5 are holidays, Monday 3/5 is nghỉ bù.
    expect(calendar.nextWorkingDay('2027-04-29')).toBe('2027-05-04');
    expect(calendar.addWorkingDays('2027-04-29', 2)).toBe('2027-05-05');
    expect(calendar.workingDaysBetween('2027-04-29', '2027-05-05')).toBe(2);
    expect(calendar.workingDayOnOrAfter('2027-02-06')).toBe('2027-02-12');
    expect(() => calendar.addWorkingDays('2027-04-29', -1)).toThrow(RangeError);
  });
});
