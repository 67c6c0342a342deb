import { CATALOG } from './catalog.ts';
import type { DocumentSpec } from './spec.ts';

const pick = (id: string): DocumentSpec => {
  const spec = CATALOG.find((s) => s.id === id);
  if (spec === undefined) {
    throw new Error(`no catalog spec ${id}`);
  }
  return spec;
};

/**
 * Headers whose date line wraps onto a second line, as LibreOffice lays out a .docx whose
 * header table has a narrow right cell ("…, ngày 05 tháng 01" / "năm 2027"). Written by pdf-lib
 * (producer "pdf-lib (vanthu test corpus)"): LibreOffice is not installed here. Each date line
 * is drawn as two runs (place, rest), as LibreOffice splits styled text into items.
 */
export const WRAPPED_DATE_SPECS: readonly DocumentSpec[] = [
  {
    ...pick('qd-kt-1'),
    id: 'qd-ngay-xuong-dong',
    coQuanBanHanh: 'ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH',
    soKyHieu: '05/QĐ-UBND',
    diaDanhNgay: 'Thành phố Hồ Chí Minh, ngày 05 tháng 01 năm 2027',
    dateColumnWidth: 250,
    dateRuns: true,
  },
  {
    ...pick('cv-kt-1'),
    id: 'cv-ngay-xuong-dong',
    soKyHieu: '01/SNV-CCVTLT',
    diaDanhNgay: 'Bắc Ninh, ngày 05 tháng 01 năm 2027',
    dateColumnWidth: 160,
    dateRuns: true,
  },
  {
    // The place alone on the first line, the whole date on the second.
    ...pick('cv-gd-1'),
    id: 'cv-dia-danh-dong-rieng',
    soKyHieu: '02/SNV-VP',
    diaDanhNgay: 'Thành phố Hồ Chí Minh, ngày 05 tháng 01 năm 2027',
    dateColumnWidth: 165,
  },
  { ...pick('cv-gd-1'), id: 'cv-ngay-xuong-dong-xoay90', rotation: 90, dateColumnWidth: 160, dateRuns: true },
];
