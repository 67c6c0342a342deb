import { PDFDocument, rgb, type PDFFont, type PDFPage } from '@cantoo/pdf-lib';
import type { Report } from '../../../preload/contract/reports.ts';
import { displayDate } from '../../domain/vietnam-time.ts';
import { embedVnFont } from '../pdf/stamp/font.ts';
import { percent, SCOPE_NOTE_VI, SOURCE_LABEL_VI, summaryLines } from './report-rows.ts';

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 56;
const INK = rgb(0, 0, 0);
const BAR = rgb(0.16, 0.38, 0.62);
const LATE = rgb(0.75, 0.22, 0.17);

interface Fonts {
  readonly regular: PDFFont;
  readonly bold: PDFFont;
}

/** A page cursor: writes lines downwards and starts a new page when the next block does not fit. */
class Cursor {
  page: PDFPage;
  y: number;
  private readonly doc: PDFDocument;
  private readonly footer: string;
  private readonly fonts: Fonts;
  constructor(doc: PDFDocument, footer: string, fonts: Fonts) {
    this.doc = doc;
    this.footer = footer;
    this.fonts = fonts;
    this.page = this.newPage();
    this.y = A4[1] - MARGIN;
  }
  private newPage(): PDFPage {
    const page = this.doc.addPage(A4);
    const n = this.doc.getPageCount();
    page.drawText(`${this.footer} — trang ${n}`, { x: MARGIN, y: MARGIN / 2, size: 8, font: this.fonts.regular });
    return page;
  }
  need(height: number): void {
    if (this.y - height < MARGIN) {
      this.page = this.newPage();
      this.y = A4[1] - MARGIN;
    }
  }
  text(text: string, size: number, font: PDFFont, x = MARGIN): void {
    this.need(size * 1.4);
    this.y -= size * 1.4;
    this.page.drawText(text, { x, y: this.y, size, font, color: INK });
  }
}

/**
 * Horizontal bars, one per category, scaled to the largest: drawn as plain vector rectangles, so
 * the chart prints sharply at any size and needs no charting code in the PDF worker.
 */
function bars(cursor: Cursor, fonts: Fonts, title: string, rows: readonly { label: string; n: number }[]): void {
  cursor.text(title, 11, fonts.bold);
  if (rows.length === 0) {
    cursor.text('(không có văn bản)', 9, fonts.regular, MARGIN + 12);
    return;
  }
  const max = Math.max(...rows.map((r) => r.n));
  const labelWidth = 170;
  const barWidth = A4[0] - 2 * MARGIN - labelWidth - 50;
  for (const row of rows) {
    cursor.need(16);
    cursor.y -= 16;
    cursor.page.drawText(row.label.slice(0, 40), { x: MARGIN + 12, y: cursor.y + 3, size: 9, font: fonts.regular });
    const width = max === 0 ? 0 : (row.n / max) * barWidth;
    cursor.page.drawRectangle({
      x: MARGIN + labelWidth,
      y: cursor.y,
      width: Math.max(width, 1),
      height: 11,
      color: BAR,
    });
    cursor.page.drawText(row.n.toLocaleString('vi-VN'), {
      x: MARGIN + labelWidth + width + 4,
      y: cursor.y + 2,
      size: 9,
      font: fonts.regular,
    });
  }
  cursor.y -= 8;
}

/** Đúng hạn / quá hạn as one stacked bar with its share. */
function split(cursor: Cursor, fonts: Fonts, title: string, onTime: number, late: number): void {
  cursor.text(title, 11, fonts.bold);
  const width = A4[0] - 2 * MARGIN - 24;
  const total = onTime + late;
  cursor.need(34);
  cursor.y -= 16;
  const onTimeWidth = total === 0 ? width : (onTime / total) * width;
  cursor.page.drawRectangle({ x: MARGIN + 12, y: cursor.y, width: onTimeWidth, height: 12, color: BAR });
  if (total > 0 && late > 0) {
    cursor.page.drawRectangle({
      x: MARGIN + 12 + onTimeWidth,
      y: cursor.y,
      width: width - onTimeWidth,
      height: 12,
      color: LATE,
    });
  }
  cursor.y -= 14;
  cursor.page.drawText(
    `Đúng hạn ${onTime.toLocaleString('vi-VN')} (${percent(onTime, total)}) · Quá hạn ${late.toLocaleString('vi-VN')} (${percent(late, total)})`,
    {
      x: MARGIN + 12,
      y: cursor.y,
      size: 9,
      font: fonts.regular,
    },
  );
  cursor.y -= 10;
}

/** The printable report: heading, the summary table, then the charts; A4 portrait, Liberation Serif. */
export async function printReportPdf(report: Report, organization: string): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const fonts: Fonts = { regular: await embedVnFont(doc, 'regular'), bold: await embedVnFont(doc, 'bold') };
  const period = `Từ ngày ${displayDate(report.from)} đến ngày ${displayDate(report.to)}`;
  doc.setTitle(`Báo cáo công tác văn thư — ${period}`);
  doc.setLanguage('vi-VN');
  const cursor = new Cursor(doc, `Báo cáo công tác văn thư, ${period}`, fonts);
  cursor.text(organization.toUpperCase(), 11, fonts.bold);
  cursor.y -= 10;
  cursor.text('BÁO CÁO TÌNH HÌNH TIẾP NHẬN, XỬ LÝ VÀ BAN HÀNH VĂN BẢN', 13, fonts.bold, MARGIN + 40);
  cursor.text(period, 11, fonts.regular, MARGIN + 160);
  cursor.text(
    `Đơn vị: ${report.department === '' ? 'toàn cơ quan' : report.department}`,
    11,
    fonts.regular,
    MARGIN + 160,
  );
  cursor.y -= 8;
  for (const [label, value] of summaryLines(report)) {
    const bold = !label.startsWith(' ');
    cursor.text(label.trim(), 10, bold ? fonts.bold : fonts.regular, MARGIN + (bold ? 0 : 14));
    const text = typeof value === 'number' ? value.toLocaleString('vi-VN') : value;
    cursor.page.drawText(text, {
      x: A4[0] - MARGIN - 110,
      y: cursor.y,
      size: 10,
      font: bold ? fonts.bold : fonts.regular,
    });
  }
  cursor.y -= 12;
  bars(
    cursor,
    fonts,
    'Văn bản đến theo loại',
    report.received.byType.map((r) => ({ label: r.key, n: r.n })),
  );
  bars(
    cursor,
    fonts,
    'Văn bản đến theo nguồn',
    report.received.bySource.map((r) => ({ label: SOURCE_LABEL_VI[r.key] ?? r.key, n: r.n })),
  );
  bars(
    cursor,
    fonts,
    'Văn bản đi theo loại',
    report.issued.byType.map((r) => ({ label: r.key, n: r.n })),
  );
  split(cursor, fonts, 'Văn bản đến đã xử lý xong', report.received.doneOnTime, report.received.doneLate);
  split(cursor, fonts, 'Văn bản đi đã phát hành', report.issued.publishedOnTime, report.issued.publishedLate);
  cursor.y -= 6;
  cursor.text(SCOPE_NOTE_VI, 9, fonts.regular);
  return doc.save();
}
