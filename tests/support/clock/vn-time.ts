/**
 * An instant as a Vietnamese document prints it (UTC+7): dd/mm/yyyy and HH:MM:SS. Written with
 * Intl, independently of the app's own formatter, so a test states what a page must show for a
 * signing time it derived from the run's anchor instead of carrying a calendar date.
 */
export function vnDateTime(at: Date): { readonly date: string; readonly time: string } {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Ho_Chi_Minh',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? '';
  return {
    date: `${part('day')}/${part('month')}/${part('year')}`,
    time: `${part('hour')}:${part('minute')}:${part('second')}`,
  };
}
