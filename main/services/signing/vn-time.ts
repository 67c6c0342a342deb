/** "22/11/2026 14:13:04 +07:00": Vietnam time with its ISO 8601 offset, as ND30 text blocks show it. */
export function vnDateTime(date: Date): string {
  const vn = new Date(date.getTime() + 7 * 3600_000);
  const pad = (n: number): string => String(n).padStart(2, '0');
  return (
    `${pad(vn.getUTCDate())}/${pad(vn.getUTCMonth() + 1)}/${vn.getUTCFullYear()} ` +
    `${pad(vn.getUTCHours())}:${pad(vn.getUTCMinutes())}:${pad(vn.getUTCSeconds())} +07:00`
  );
}
