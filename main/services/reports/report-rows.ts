import type { Report } from '../../../preload/contract/reports.ts';

/** Nguồn of an incoming document, as the report prints it. */
export const SOURCE_LABEL_VI: Readonly<Record<string, string>> = {
  truc: 'Trục liên thông',
  email: 'Thư điện tử',
  giay: 'Bản giấy',
  khac: 'Khác',
};

/** "12,5 %", or "—" when there is nothing to share. */
export function percent(part: number, whole: number): string {
  return whole === 0 ? '—' : `${((100 * part) / whole).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} %`;
}

export function days(value: number | null): string {
  return value === null ? '—' : `${value.toLocaleString('vi-VN', { maximumFractionDigits: 2 })} ngày`;
}

/**
 * The report's summary as label/value lines, shared by the printed PDF and the workbook so the
 * two say the same thing in the same words.
 */
export function summaryLines(report: Report): [string, string | number][] {
  const r = report.received;
  const i = report.issued;
  return [
    ['Văn bản đến', r.total],
    ['  trong đó điện tử (Trục, thư điện tử)', r.electronic],
    ['  đã xử lý xong', r.done],
    ['  xong đúng hạn', r.doneOnTime],
    ['  xong quá hạn', r.doneLate],
    ['  chưa xong và đã quá hạn', r.overdue],
    ['  thời gian xử lý trung bình', days(r.averageDays)],
    ['  tỷ lệ xử lý trên môi trường điện tử', percent(r.electronic, r.total)],
    ['Văn bản đi đã phát hành', i.total],
    ['  trong đó phát hành điện tử', i.electronic],
    ['  ký số bởi lãnh đạo', i.signedDigitally],
    ['  phát hành đúng hạn', i.publishedOnTime],
    ['  phát hành chậm', i.publishedLate],
    ['  thời gian từ dự thảo đến phát hành (trung bình)', days(i.averageDays)],
    ['  tỷ lệ ký số', percent(i.signedDigitally, i.total)],
  ];
}

/**
 * What the figures cover: the registers replicate (received and issued of the whole organization),
 * the handling does not (another workstation's documents are handled there).
 */
export const SCOPE_NOTE_VI =
  'Số văn bản đến, đi: toàn cơ quan (sổ đăng ký đồng bộ giữa các máy trạm). Xử lý đúng hạn, trễ hạn: văn bản xử lý trên máy trạm này.';
