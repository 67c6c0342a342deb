import { isoOfJdn, isWeekend, jdnOfIso, civilOfJdn, type IsoDate } from './civil-date.ts';
import { holidaysOfYear, type Holiday, type YearArrangement } from './holidays.ts';

/**
 * The working-day calendar (ngày làm việc): Monday to Friday (Quyết định 188/1999/QĐ-TTg, the
 * 40-hour week of the civil service) minus the holidays of the year, plus the Saturdays the
 * year's arrangement makes working days. Deadlines "the next working day" and "within N working
 * days" are counted on it.
 */
export class WorkingCalendar {
  private readonly years = new Map<number, { off: Map<number, Holiday>; workdays: Set<number> }>();

  private readonly arrangements: readonly YearArrangement[];

  constructor(arrangements: readonly YearArrangement[] = []) {
    this.arrangements = arrangements;
  }

  private year(year: number): { off: Map<number, Holiday>; workdays: Set<number> } {
    const known = this.years.get(year);
    if (known !== undefined) {
      return known;
    }
    const arrangement = this.arrangements.find((a) => a.year === year);
    const off = new Map(holidaysOfYear(year, arrangement).map((h) => [jdnOfIso(h.date), h] as const));
    const workdays = new Set((arrangement?.workdays ?? []).map(jdnOfIso));
    const built = { off, workdays };
    this.years.set(year, built);
    return built;
  }

  /** The holiday a day is, if it is one (weekends are not listed: they are not holidays). */
  holiday(date: IsoDate): Holiday | undefined {
    const jdn = jdnOfIso(date);
    return this.year(civilOfJdn(jdn).year).off.get(jdn);
  }

  isWorkingDay(date: IsoDate): boolean {
    const jdn = jdnOfIso(date);
    const year = this.year(civilOfJdn(jdn).year);
    if (year.workdays.has(jdn)) {
      return true;
    }
    return !isWeekend(jdn) && !year.off.has(jdn);
  }

  /** The first working day strictly after `date`. */
  nextWorkingDay(date: IsoDate): IsoDate {
    return this.addWorkingDays(date, 1);
  }

  /** The first working day on or after `date`. */
  workingDayOnOrAfter(date: IsoDate): IsoDate {
    return this.isWorkingDay(date) ? date : this.nextWorkingDay(date);
  }

  /**
   * `n` working days after `date` (n ≥ 0); 0 gives `date` itself. "Trong thời hạn 10 ngày làm
   * việc kể từ ngày nhận" counts from the day after receipt, so callers pass the receipt day.
   */
  addWorkingDays(date: IsoDate, n: number): IsoDate {
    if (!Number.isInteger(n) || n < 0) {
      throw new RangeError(`working days must be a whole number ≥ 0: ${n}`);
    }
    let jdn = jdnOfIso(date);
    let left = n;
    while (left > 0) {
      jdn += 1;
      if (this.isWorkingDay(isoOfJdn(jdn))) {
        left -= 1;
      }
    }
    return isoOfJdn(jdn);
  }

  /** Working days in (from, to]: how many working days a document waited. */
  workingDaysBetween(from: IsoDate, to: IsoDate): number {
    const start = jdnOfIso(from);
    const end = jdnOfIso(to);
    let count = 0;
    for (let jdn = start + 1; jdn <= end; jdn += 1) {
      if (this.isWorkingDay(isoOfJdn(jdn))) {
        count += 1;
      }
    }
    return end >= start ? count : -this.workingDaysBetween(to, from);
  }
}
