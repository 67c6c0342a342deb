import { civilOfJdn, jdnOf } from './civil-date.ts';

/**
 * The Vietnamese lunisolar calendar (âm lịch), computed rather than tabled so it never runs out.
 * Rules: a month starts on the local day of a new moon; month 11 contains the December solstice;
 * when 13 months lie between two months 11, the first that contains no major solar term (trung
 * khí, a multiple of 30° of the sun's longitude) is the leap month and repeats the number before
 * it. Days are counted in UTC+7, the meridian Vietnam has used since 1968 — the reason Tết 2007
 * fell on 17 February here and on 18 February in China (UTC+8).
 * Astronomy: Meeus, Astronomical Algorithms (2nd ed.), ch. 49 (phases of the moon) and ch. 25
 * (solar coordinates, low accuracy: ≈ 0.01°, a quarter of an hour in the time of a solar term).
 */
const VIETNAM_OFFSET_DAYS = 7 / 24;
const SYNODIC_MONTH = 29.530588861;
const RAD = Math.PI / 180;

function sinDeg(deg: number): number {
  return Math.sin(deg * RAD);
}

/** ΔT = TT − UT in seconds, Espenak & Meeus' polynomial for 2005–2050 (a minute is all it moves). */
function deltaTSeconds(year: number): number {
  const t = year - 2000;
  return 62.92 + 0.32217 * t + 0.005589 * t * t;
}

const PLANETARY: readonly (readonly [number, number, number])[] = [
  [299.77, 0.107408, 0.000325],
  [251.88, 0.016321, 0.000165],
  [251.83, 26.651886, 0.000164],
  [349.42, 36.412478, 0.000126],
  [84.66, 18.206239, 0.00011],
  [141.74, 53.303771, 0.000062],
  [207.14, 2.453732, 0.00006],
  [154.84, 7.30686, 0.000056],
  [34.52, 27.261239, 0.000047],
  [207.19, 0.121824, 0.000042],
  [291.34, 1.844379, 0.00004],
  [161.72, 24.198154, 0.000037],
  [239.56, 25.513099, 0.000035],
  [331.55, 3.592518, 0.000023],
];

/** Julian day (UT) of new moon number k, k = 0 being the new moon of 6 January 2000. */
export function newMoonJd(k: number): number {
  const t = k / 1236.85;
  const jde = 2451550.09766 + SYNODIC_MONTH * k + 0.00015437 * t ** 2 - 0.00000015 * t ** 3 + 0.00000000073 * t ** 4;
  const e = 1 - 0.002516 * t - 0.0000074 * t ** 2;
  const m = 2.5534 + 29.1053567 * k - 0.0000014 * t ** 2 - 0.00000011 * t ** 3;
  const mp = 201.5643 + 385.81693528 * k + 0.0107582 * t ** 2 + 0.00001238 * t ** 3 - 0.000000058 * t ** 4;
  const f = 160.7108 + 390.67050284 * k - 0.0016118 * t ** 2 - 0.00000227 * t ** 3 + 0.000000011 * t ** 4;
  const om = 124.7746 - 1.56375588 * k + 0.0020672 * t ** 2 + 0.00000215 * t ** 3;
  const periodic =
    -0.4072 * sinDeg(mp) +
    0.17241 * e * sinDeg(m) +
    0.01608 * sinDeg(2 * mp) +
    0.01039 * sinDeg(2 * f) +
    0.00739 * e * sinDeg(mp - m) -
    0.00514 * e * sinDeg(mp + m) +
    0.00208 * e * e * sinDeg(2 * m) -
    0.00111 * sinDeg(mp - 2 * f) -
    0.00057 * sinDeg(mp + 2 * f) +
    0.00056 * e * sinDeg(2 * mp + m) -
    0.00042 * sinDeg(3 * mp) +
    0.00042 * e * sinDeg(m + 2 * f) +
    0.00038 * e * sinDeg(m - 2 * f) -
    0.00024 * e * sinDeg(2 * mp - m) -
    0.00017 * sinDeg(om) -
    0.00007 * sinDeg(mp + 2 * m) +
    0.00004 * sinDeg(2 * mp - 2 * f) +
    0.00004 * sinDeg(3 * m) +
    0.00003 * sinDeg(mp + m - 2 * f) +
    0.00003 * sinDeg(2 * mp + 2 * f) -
    0.00003 * sinDeg(mp + m + 2 * f) +
    0.00003 * sinDeg(mp - m + 2 * f) -
    0.00002 * sinDeg(mp - m - 2 * f) -
    0.00002 * sinDeg(3 * mp + m) +
    0.00002 * sinDeg(4 * mp);
  const planetary = PLANETARY.reduce(
    (sum, [base, rate, amplitude]) =>
      sum + amplitude * sinDeg(base + rate * k - (base === 299.77 ? 0.009173 * t * t : 0)),
    0,
  );
  const year = 2000 + k / 12.3685;
  return jde + periodic + planetary - deltaTSeconds(year) / 86400;
}

/** The sun's apparent longitude in degrees [0, 360) at Julian day jd. */
export function sunLongitude(jd: number): number {
  const t = (jd - 2451545) / 36525;
  const l0 = 280.46646 + 36000.76983 * t + 0.0003032 * t * t;
  const m = 357.52911 + 35999.05029 * t - 0.0001537 * t * t;
  const c =
    (1.914602 - 0.004817 * t - 0.000014 * t * t) * sinDeg(m) +
    (0.019993 - 0.000101 * t) * sinDeg(2 * m) +
    0.000289 * sinDeg(3 * m);
  const omega = 125.04 - 1934.136 * t;
  const apparent = l0 + c - 0.00569 - 0.00478 * sinDeg(omega);
  return ((apparent % 360) + 360) % 360;
}

/** The Vietnamese day (JDN) on which new moon k falls. */
export function newMoonDay(k: number): number {
  return Math.floor(newMoonJd(k) + 0.5 + VIETNAM_OFFSET_DAYS);
}

/** Which 30° sector the sun is in at 00:00 Vietnam time of day jdn (major terms bound the sectors). */
function solarSector(jdn: number): number {
  return Math.floor(sunLongitude(jdn - 0.5 - VIETNAM_OFFSET_DAYS) / 30);
}

/** The new-moon index k of the month 11 that starts in (late) Gregorian year `year`. */
function monthElevenIndex(year: number): number {
  const lastDay = jdnOf(year, 12, 31);
  let k = Math.floor((lastDay - 2451550.1) / SYNODIC_MONTH);
  while (newMoonDay(k + 1) <= lastDay) {
    k += 1;
  }
  while (newMoonDay(k) > lastDay) {
    k -= 1;
  }
  // Sector 9 begins at 270°, the solstice: a month already in it at its start began after it.
  return solarSector(newMoonDay(k)) >= 9 ? k - 1 : k;
}

export interface LunarMonth {
  /** The lunar year the month belongs to (named by the Gregorian year its Tết falls in). */
  readonly lunarYear: number;
  readonly month: number;
  readonly leap: boolean;
  /** First day (JDN) and the number of days, 29 or 30. */
  readonly startJdn: number;
  readonly length: number;
}

/** The months from month 11 of lunar year `year − 1` up to (not including) month 11 of `year`. */
export function monthsBetweenElevens(year: number): LunarMonth[] {
  const first = monthElevenIndex(year - 1);
  const last = monthElevenIndex(year);
  const hasLeap = last - first === 13;
  const months: LunarMonth[] = [];
  let month = 11;
  let lunarYear = year - 1;
  let leapFound = false;
  for (let k = first; k < last; k += 1) {
    const startJdn = newMoonDay(k);
    const nextJdn = newMoonDay(k + 1);
    const noMajorTerm = solarSector(startJdn) === solarSector(nextJdn);
    const leap = hasLeap && !leapFound && k > first && noMajorTerm;
    if (k > first && !leap) {
      month = month === 12 ? 1 : month + 1;
      if (month === 1) {
        lunarYear = year;
      }
    }
    if (leap) {
      leapFound = true;
    }
    months.push({ lunarYear, month, leap, startJdn, length: nextJdn - startJdn });
  }
  return months;
}

/** Every month of lunar year `year`, from Tết to the eve of the next Tết. */
export function monthsOfLunarYear(year: number): LunarMonth[] {
  return [...monthsBetweenElevens(year), ...monthsBetweenElevens(year + 1)].filter((m) => m.lunarYear === year);
}

export interface LunarDate {
  readonly lunarYear: number;
  readonly month: number;
  readonly leap: boolean;
  readonly day: number;
}

export function lunarOfJdn(jdn: number): LunarDate {
  const { year } = civilOfJdn(jdn);
  const months = [...monthsBetweenElevens(year), ...monthsBetweenElevens(year + 1)];
  const found = months.find((m) => m.startJdn <= jdn && jdn < m.startJdn + m.length);
  if (found === undefined) {
    throw new RangeError(`day ${jdn} outside the computed months`);
  }
  return { lunarYear: found.lunarYear, month: found.month, leap: found.leap, day: jdn - found.startJdn + 1 };
}

/** The day (JDN) of a lunar date; a leap month is asked for with `leap: true`. */
export function jdnOfLunar(date: LunarDate): number {
  const month = monthsOfLunarYear(date.lunarYear).find((m) => m.month === date.month && m.leap === date.leap);
  if (month === undefined || date.day < 1 || date.day > month.length) {
    throw new RangeError(`no such lunar day: ${date.day}/${date.month}${date.leap ? ' nhuận' : ''}/${date.lunarYear}`);
  }
  return month.startJdn + date.day - 1;
}

/** Tết Nguyên đán: day 1 of month 1 of lunar year `year`. */
export function tetJdn(year: number): number {
  return jdnOfLunar({ lunarYear: year, month: 1, leap: false, day: 1 });
}
