import { isoOfJdn, isWeekend, jdnOf, jdnOfIso, weekdayOfJdn, type IsoDate } from './civil-date.ts';
import { jdnOfLunar, tetJdn } from './lunar.ts';

/**
 * Public holidays (ngày nghỉ lễ, tết) of Bộ luật Lao động 2019 Điều 112 k1, which the civil
 * service follows: Tết Dương lịch 1 day; Tết Âm lịch 5 days; Giỗ Tổ Hùng Vương (10/3 âm lịch);
 * 30/4; 1/5; Quốc khánh 2/9 plus one day before or after. The Prime Minister fixes each year which
 * five days of Tết and which second day of Quốc khánh (Điều 112 k3), and announces swapped days
 * (hoán đổi ngày làm việc); those arrive as a `YearArrangement` from the server or an
 * administrator's import. Without one, the defaults below stand, and are labelled as defaults.
 * A holiday falling on a Saturday or Sunday gives a compensatory day off on the next working day
 * (nghỉ bù, Điều 111 k3).
 */
export type HolidayKind =
  | 'tet-duong-lich'
  | 'tet-am-lich'
  | 'gio-to-hung-vuong'
  | 'giai-phong-mien-nam'
  | 'quoc-te-lao-dong'
  | 'quoc-khanh'
  | 'nghi-bu'
  | 'nghi-them';

export interface Holiday {
  readonly date: IsoDate;
  readonly kind: HolidayKind;
  readonly name: string;
  /** Where the day comes from: the law's default or the year's announcement. */
  readonly source: 'mac-dinh' | 'thong-bao';
}

/** The year's official arrangement (thông báo nghỉ lễ), replacing the defaults it names. */
export interface YearArrangement {
  readonly year: number;
  /** E.g. "Công văn 1234/BNV-CCVC": shown beside each day so a clerk can check it. */
  readonly reference: string;
  /** The announced days for a kind replace the computed ones (Tết and Quốc khánh above all). */
  readonly blocks?: Partial<Record<'tet-am-lich' | 'quoc-khanh', readonly IsoDate[]>>;
  /** Further days off the government grants (e.g. a one-off national celebration). */
  readonly extraDaysOff?: readonly { readonly date: IsoDate; readonly name: string }[];
  /** Saturdays worked in exchange for a bridged day (làm bù). */
  readonly workdays?: readonly IsoDate[];
}

const NAMES: Record<HolidayKind, string> = {
  'tet-duong-lich': 'Tết Dương lịch',
  'tet-am-lich': 'Tết Nguyên đán',
  'gio-to-hung-vuong': 'Giỗ Tổ Hùng Vương',
  'giai-phong-mien-nam': 'Ngày Giải phóng miền Nam, thống nhất đất nước',
  'quoc-te-lao-dong': 'Ngày Quốc tế Lao động',
  'quoc-khanh': 'Quốc khánh',
  'nghi-bu': 'Nghỉ bù',
  'nghi-them': 'Nghỉ theo thông báo',
};

interface Day {
  readonly jdn: number;
  readonly kind: HolidayKind;
  readonly source: Holiday['source'];
}

/**
 * Default five days of Tết: the last day of the old year and days 1–4 of the new one. Announced
 * blocks have differed from year to year in how many days precede day 1, so this is only the
 * fallback until the year's arrangement is imported, and is labelled so on screen.
 */
function defaultTet(year: number): number[] {
  const first = tetJdn(year);
  return [first - 1, first, first + 1, first + 2, first + 3];
}

/** Default second day of Quốc khánh: the Monday before when 2/9 is a Tuesday, else 3/9. */
function defaultQuocKhanh(year: number): number[] {
  const second = jdnOf(year, 9, 2);
  return weekdayOfJdn(second) === 2 ? [second - 1, second] : [second, second + 1];
}

function lawDays(year: number, arrangement: YearArrangement | undefined): Day[] {
  const announced = (kind: 'tet-am-lich' | 'quoc-khanh'): number[] | undefined =>
    arrangement?.blocks?.[kind]?.map(jdnOfIso);
  const days = (kind: HolidayKind, jdns: number[], source: Holiday['source']): Day[] =>
    jdns.map((jdn) => ({ jdn, kind, source }));
  const tet = announced('tet-am-lich');
  const quocKhanh = announced('quoc-khanh');
  return [
    ...days('tet-duong-lich', [jdnOf(year, 1, 1)], 'mac-dinh'),
    ...(tet ? days('tet-am-lich', tet, 'thong-bao') : days('tet-am-lich', defaultTet(year), 'mac-dinh')),
    ...days('gio-to-hung-vuong', [jdnOfLunar({ lunarYear: year, month: 3, leap: false, day: 10 })], 'mac-dinh'),
    ...days('giai-phong-mien-nam', [jdnOf(year, 4, 30)], 'mac-dinh'),
    ...days('quoc-te-lao-dong', [jdnOf(year, 5, 1)], 'mac-dinh'),
    ...(quocKhanh
      ? days('quoc-khanh', quocKhanh, 'thong-bao')
      : days('quoc-khanh', defaultQuocKhanh(year), 'mac-dinh')),
  ];
}

/** Adds nghỉ bù: each holiday on a weekend moves one day off to the next free weekday. */
function withCompensation(days: Day[]): Day[] {
  const taken = new Set(days.map((d) => d.jdn));
  const result = [...days];
  for (const day of [...days].sort((a, b) => a.jdn - b.jdn)) {
    if (!isWeekend(day.jdn)) {
      continue;
    }
    let next = day.jdn + 1;
    while (isWeekend(next) || taken.has(next)) {
      next += 1;
    }
    taken.add(next);
    result.push({ jdn: next, kind: 'nghi-bu', source: day.source });
  }
  return result;
}

/** Every day off of Gregorian year `year` besides ordinary weekends, in date order. */
export function holidaysOfYear(year: number, arrangement?: YearArrangement): Holiday[] {
  if (arrangement !== undefined && arrangement.year !== year) {
    throw new RangeError(`arrangement for ${arrangement.year} given for ${year}`);
  }
  const extra: Day[] = (arrangement?.extraDaysOff ?? []).map((d) => ({
    jdn: jdnOfIso(d.date),
    kind: 'nghi-them',
    source: 'thong-bao',
  }));
  // Computed days all fall in `year` (Tết is never before 21 January); imported ones may not.
  const all = withCompensation([...lawDays(year, arrangement), ...extra]);
  const inYear = all.filter((d) => d.jdn >= jdnOf(year, 1, 1) && d.jdn <= jdnOf(year, 12, 31));
  const unique = new Map<number, Day>();
  for (const day of inYear.sort((a, b) => a.jdn - b.jdn)) {
    if (!unique.has(day.jdn)) {
      unique.set(day.jdn, day);
    }
  }
  return [...unique.values()].map((d) => ({
    date: isoOfJdn(d.jdn),
    kind: d.kind,
    name: NAMES[d.kind],
    source: d.source,
  }));
}
