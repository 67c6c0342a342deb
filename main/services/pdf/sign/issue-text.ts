/**
 * Text blocks of the organization signature on appendices and electronic copies (ND30 Phụ lục I
 * I.III.1.d and Phần II I.3; Phụ lục III Mẫu 2.2 and 3.2): signing time in Vietnam time with
 * its ISO 8601 offset.
 */
export type HinhThucSao = 'SAO Y' | 'SAO LỤC' | 'TRÍCH SAO';

function vnParts(date: Date): { day: string; time: string } {
  const vn = new Date(date.getTime() + 7 * 3600_000);
  const pad = (n: number): string => String(n).padStart(2, '0');
  return {
    day: `${pad(vn.getUTCDate())}/${pad(vn.getUTCMonth() + 1)}/${vn.getUTCFullYear()}`,
    time: `${pad(vn.getUTCHours())}:${pad(vn.getUTCMinutes())}:${pad(vn.getUTCSeconds())} +07:00`,
  };
}

/** "Số: 15/QĐ-UBND; 22/11/2026; 14:13:04 +07:00" */
export function appendixLine(soKyHieu: string, signingTime: Date): string {
  const { day, time } = vnParts(signingTime);
  return `Số: ${soKyHieu.normalize('NFC').trim()}; ${day}; ${time}`;
}

/** "SAO Y; ỦY BAN NHÂN DÂN TỈNH X; 22/11/2026; 14:13:04 +07:00" */
export function copyLine(hinhThuc: HinhThucSao, coQuanSao: string, signingTime: Date): string {
  const { day, time } = vnParts(signingTime);
  return `${hinhThuc}; ${coQuanSao.normalize('NFC').trim()}; ${day}; ${time}`;
}
