// Dates and instants as the screens write them, for every feature.
const format = new Intl.DateTimeFormat('vi-VN', {
  dateStyle: 'short',
  timeStyle: 'medium',
  timeZone: 'Asia/Ho_Chi_Minh',
});

/** An instant as a clerk in Vietnam reads it, whatever the machine's time zone. */
export function dateTimeVi(iso: string): string {
  return format.format(new Date(iso));
}

/** 2026-03-05 → 05/03/2026, as Vietnamese documents write dates. */
export function dateVi(iso: string | null): string {
  if (iso === null) {
    return '';
  }
  const [y, m, d] = iso.slice(0, 10).split('-');
  return `${d}/${m}/${y}`;
}

/** Today in Vietnam (UTC+7, no daylight saving), as YYYY-MM-DD. */
export function todayInVietnam(now: Date = new Date()): string {
  return new Date(now.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
}
