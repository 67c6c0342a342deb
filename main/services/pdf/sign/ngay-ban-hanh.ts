/**
 * The date line of ô số 4 (ND30 Phụ lục I): day below 10 and months 1 and 2 get a leading zero,
 * other months do not ("ngày 05 tháng 01 năm 2020", "ngày 22 tháng 11 năm 2026").
 */
export function ngayBanHanhText(isoDate: string, diaDanh?: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (match === null) {
    throw new RangeError(`not an ISO date: ${isoDate}`);
  }
  const [, year, month, day] = match as unknown as [string, string, string, string];
  const m = Number(month);
  const monthText = m <= 2 ? String(m).padStart(2, '0') : String(m);
  const line = `ngày ${day} tháng ${monthText} năm ${year}`;
  return diaDanh === undefined || diaDanh === '' ? line : `${diaDanh}, ${line}`;
}
