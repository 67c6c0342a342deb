/** What page 1 of a Vietnamese administrative document says about itself (ND30 Phụ lục I layout). */
export interface HeaderFields {
  so?: string;
  kyHieu?: string;
  ngayBanHanh?: string;
  tenLoai?: string;
  trichYeu?: string;
}

/** ND30 Điều 7 types as printed in capitals on the document. */
const TEN_LOAI = [
  'NGHỊ QUYẾT',
  'QUYẾT ĐỊNH',
  'CHỈ THỊ',
  'QUY CHẾ',
  'QUY ĐỊNH',
  'THÔNG CÁO',
  'THÔNG BÁO',
  'HƯỚNG DẪN',
  'CHƯƠNG TRÌNH',
  'KẾ HOẠCH',
  'PHƯƠNG ÁN',
  'ĐỀ ÁN',
  'DỰ ÁN',
  'BÁO CÁO',
  'BIÊN BẢN',
  'TỜ TRÌNH',
  'HỢP ĐỒNG',
  'CÔNG ĐIỆN',
  'BẢN GHI NHỚ',
  'BẢN THỎA THUẬN',
  'GIẤY ỦY QUYỀN',
  'GIẤY MỜI',
  'GIẤY GIỚI THIỆU',
  'GIẤY NGHỈ PHÉP',
  'PHIẾU GỬI',
  'PHIẾU CHUYỂN',
  'PHIẾU BÁO',
];

/** Lines where the body starts: the trích yếu ends before them. */
const BODY_START = /^(Căn cứ|Kính gửi|Điều \d|Theo đề nghị|Thực hiện)/;

const capitalized = (upper: string): string => upper.charAt(0) + upper.slice(1).toLocaleLowerCase('vi');

/**
 * Read số/ký hiệu, the date, the type and the trích yếu from the lines of page 1. Each field is
 * given only when its pattern is found; the clerk checks and completes the rest.
 */
export function readHeaderFields(lines: readonly string[]): HeaderFields {
  const out: HeaderFields = {};
  const text = lines.join('\n');
  // "15/QĐ-UBND", the year form "69/2024/QĐ-UBND" (the ký hiệu is "2024/QĐ-UBND"), "15-TB/HU".
  const so = /Số:\s*(\d{1,11})\s*[/-]\s*([\p{L}\d./-]{1,30})/u.exec(text);
  if (so !== null) {
    out.so = so[1];
    out.kyHieu = so[2];
  }
  const date = /ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})/iu.exec(text);
  if (date !== null) {
    out.ngayBanHanh = `${date[3]}-${date[2]?.padStart(2, '0')}-${date[1]?.padStart(2, '0')}`;
  }
  const typeAt = lines.findIndex((l) => TEN_LOAI.includes(l.trim()));
  const summaryAt = typeAt >= 0 ? typeAt + 1 : lines.findIndex((l) => /^V\/v\s/u.test(l.trim()));
  if (typeAt >= 0) {
    out.tenLoai = capitalized(lines[typeAt]?.trim() ?? '');
  } else if (summaryAt >= 0) {
    out.tenLoai = 'Công văn';
  }
  if (summaryAt >= 0) {
    const parts: string[] = [];
    for (const line of lines.slice(summaryAt, summaryAt + 3)) {
      const t = line.trim();
      if (t === '' || BODY_START.test(t) || /^-+$/.test(t)) {
        break;
      }
      parts.push(t);
    }
    if (parts.length > 0) {
      out.trichYeu = parts.join(' ').slice(0, 500);
    }
  }
  return out;
}
