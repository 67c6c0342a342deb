const format = new Intl.DateTimeFormat('vi-VN', {
  dateStyle: 'short',
  timeStyle: 'medium',
  timeZone: 'Asia/Ho_Chi_Minh',
});

/** An instant as a clerk in Vietnam reads it, whatever the machine's time zone. */
export function dateTimeVi(iso: string): string {
  return format.format(new Date(iso));
}
