/**
 * Calendar dates as the regulations speak of them: a day in Vietnam, written `YYYY-MM-DD`, with
 * no time and no zone. Arithmetic goes through the Julian day number (JDN), the count of days the
 * astronomical formulas of the lunar calendar also use, so both calendars share one day line.
 */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Day number of a proleptic Gregorian date (Meeus, Astronomical Algorithms, ch. 7). */
export function jdnOf(year: number, month: number, day: number): number {
  const a = Math.floor((14 - month) / 12);
  const y = year + 4800 - a;
  const m = month + 12 * a - 3;
  return (
    day +
    Math.floor((153 * m + 2) / 5) +
    365 * y +
    Math.floor(y / 4) -
    Math.floor(y / 100) +
    Math.floor(y / 400) -
    32045
  );
}

export interface CivilDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

export function civilOfJdn(jdn: number): CivilDate {
  const a = jdn + 32044;
  const b = Math.floor((4 * a + 3) / 146097);
  const c = a - Math.floor((146097 * b) / 4);
  const d = Math.floor((4 * c + 3) / 1461);
  const e = c - Math.floor((1461 * d) / 4);
  const m = Math.floor((5 * e + 2) / 153);
  return {
    day: e - Math.floor((153 * m + 2) / 5) + 1,
    month: m + 3 - 12 * Math.floor(m / 10),
    year: 100 * b + d - 4800 + Math.floor(m / 10),
  };
}

export function isoOfJdn(jdn: number): IsoDate {
  const { year, month, day } = civilOfJdn(jdn);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Refuses anything that is not a real calendar date, so a typo in an import cannot shift a holiday. */
export function jdnOfIso(date: IsoDate): number {
  const match = ISO_DATE.exec(date);
  if (match === null) {
    throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
  }
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const jdn = jdnOf(year, month, day);
  if (isoOfJdn(jdn) !== date) {
    throw new RangeError(`no such day: ${date}`);
  }
  return jdn;
}

/** 0 = Sunday … 6 = Saturday, as `Date.getUTCDay`. */
export function weekdayOfJdn(jdn: number): number {
  return (jdn + 1) % 7;
}

export function isWeekend(jdn: number): boolean {
  const weekday = weekdayOfJdn(jdn);
  return weekday === 0 || weekday === 6;
}
