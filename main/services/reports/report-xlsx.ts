import ExcelJS from 'exceljs';
import type { Report } from '../../../preload/contract/reports.ts';
import { displayDate } from '../../domain/vietnam-time.ts';
import { SCOPE_NOTE_VI, SOURCE_LABEL_VI, summaryLines } from './report-rows.ts';

/**
 * The report as an XLSX workbook built with exceljs (never hand-written XML): a summary sheet and
 * one sheet per breakdown, each ending in a total row computed by a SUM formula with its value
 * cached, so a spreadsheet shows the total at once and recomputes it if a figure is edited.
 */
export async function reportWorkbook(report: Report): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Văn thư số';
  book.created = new Date(report.generatedAt);
  const period = `Từ ngày ${displayDate(report.from)} đến ngày ${displayDate(report.to)}`;

  const summary = book.addWorksheet('Tổng hợp');
  summary.columns = [
    { header: 'Chỉ tiêu', key: 'label', width: 52 },
    { header: 'Giá trị', key: 'value', width: 18 },
  ];
  summary.addRow(['Kỳ báo cáo', period]);
  summary.addRow(['Đơn vị', report.department === '' ? 'Toàn cơ quan' : report.department]);
  for (const [label, value] of summaryLines(report)) {
    summary.addRow([label, value]);
  }
  summary.addRow([]);
  summary.addRow([SCOPE_NOTE_VI]);
  summary.getRow(1).font = { bold: true };

  const breakdown = (
    name: string,
    title: string,
    rows: readonly { key: string; n: number }[],
    label = (k: string) => k,
  ) => {
    const sheet = book.addWorksheet(name);
    sheet.columns = [
      { header: title, key: 'key', width: 40 },
      { header: 'Số văn bản', key: 'n', width: 14 },
    ];
    for (const row of rows) {
      sheet.addRow([label(row.key), row.n]);
    }
    const last = rows.length + 1;
    const total = rows.reduce((sum, row) => sum + row.n, 0);
    // An empty breakdown has no rows to sum (a SUM over the total's own cell would be circular).
    sheet.addRow(['Tổng cộng', rows.length === 0 ? 0 : { formula: `SUM(B2:B${last})`, result: total }]);
    sheet.getRow(1).font = { bold: true };
    sheet.getRow(last + 1).font = { bold: true };
  };
  breakdown('Đến theo loại', 'Loại văn bản đến', report.received.byType);
  breakdown('Đến theo nguồn', 'Nguồn', report.received.bySource, (k) => SOURCE_LABEL_VI[k] ?? k);
  breakdown('Đi theo loại', 'Loại văn bản đi', report.issued.byType);
  return new Uint8Array(await book.xlsx.writeBuffer());
}
