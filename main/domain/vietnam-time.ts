/**
 * Registers run per calendar year in Vietnam (UTC+7, no daylight saving): 00:30 on 1 January
 * in Hà Nội is still 31 December in UTC, and the document belongs to the new year's register.
 * Every date the rules speak of is therefore computed in Asia/Ho_Chi_Minh, never in UTC or the
 * machine's zone.
 */
const formatter = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Ho_Chi_Minh',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar date in Vietnam, `YYYY-MM-DD`. */
export function vietnamDate(instant: Date): string {
  return formatter.format(instant);
}

export function vietnamYear(instant: Date): number {
  return Number(vietnamDate(instant).slice(0, 4));
}

/** `YYYY-MM-DD` → `DD/MM/YYYY`, the form printed in registers. */
export function displayDate(isoDate: string): string {
  const [y, m, d] = isoDate.split('-');
  return `${d}/${m}/${y}`;
}
