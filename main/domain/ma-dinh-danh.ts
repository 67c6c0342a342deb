/**
 * Mã định danh of organizations. Two forms are in use at once: the 13-character QCVN 102:2016
 * form read right to left (`000.00.00.H49`), still used on the Trục and in edXML, and the
 * QĐ 20/2020 form (≤ 35 characters, upper-case letters, digits and dots, groups left to right).
 */
const QCVN_102 = /^\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}$/;
const QD_20 = /^(?=.{1,35}$)[A-Z0-9]+(?:\.[A-Z0-9]+)*$/;

export type MaDinhDanhForm = 'qcvn102' | 'qd20';

export function maDinhDanhForm(value: string): MaDinhDanhForm | null {
  if (QCVN_102.test(value)) {
    return 'qcvn102';
  }
  return QD_20.test(value) ? 'qd20' : null;
}

export function isValidMaDinhDanh(value: string): boolean {
  return maDinhDanhForm(value) !== null;
}

/**
 * Mã định danh văn bản as the edXML SDK builds it: `<OrganId>,<YYYY/MM/DD>,<Số>/<Ký hiệu>`
 * (QĐ 395's exact wording is unconfirmed; this is the form the Trục samples use).
 */
export function maDinhDanhVanBan(maDinhDanh: string, ngayBanHanh: string, soKyHieu: string): string {
  return `${maDinhDanh},${ngayBanHanh.replace(/-/g, '/')},${soKyHieu}`;
}

export function parseMaDinhDanhVanBan(
  value: string,
): { maDinhDanh: string; ngayBanHanh: string; soKyHieu: string } | null {
  const match = /^([^,]+),(\d{4})\/(\d{2})\/(\d{2}),(.+)$/.exec(value);
  if (match === null || !isValidMaDinhDanh(match[1] ?? '')) {
    return null;
  }
  return { maDinhDanh: match[1] ?? '', ngayBanHanh: `${match[2]}-${match[3]}-${match[4]}`, soKyHieu: match[5] ?? '' };
}
