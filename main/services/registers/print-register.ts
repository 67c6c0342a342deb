import { PDFDocument, rgb, type PDFFont, type PDFPage } from '@cantoo/pdf-lib';
import { displayDate } from '../../domain/vietnam-time.ts';
import { embedVnFont } from '../pdf/stamp/font.ts';
import type { PrintableRegister } from '../store/register-rows.ts';

const A4_LANDSCAPE: [number, number] = [841.89, 595.28];
const MARGIN = 36;
const BODY_SIZE = 9;
const HEADER_SIZE = 9;
const LEADING = 1.25;
const PADDING = 3;

interface Fonts {
  readonly regular: PDFFont;
  readonly bold: PDFFont;
}

/** Break text into lines that fit `width`, splitting words longer than a line. */
export function wrapText(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let current = '';
    for (const word of paragraph.split(/\s+/).filter((w) => w !== '')) {
      const candidate = current === '' ? word : `${current} ${word}`;
      if (font.widthOfTextAtSize(candidate, size) <= width) {
        current = candidate;
        continue;
      }
      if (current !== '') {
        lines.push(current);
      }
      current = word;
      while (font.widthOfTextAtSize(current, size) > width && current.length > 1) {
        let cut = current.length - 1;
        while (cut > 1 && font.widthOfTextAtSize(current.slice(0, cut), size) > width) {
          cut -= 1;
        }
        lines.push(current.slice(0, cut));
        current = current.slice(cut);
      }
    }
    lines.push(current);
  }
  return lines;
}

function centered(page: PDFPage, text: string, font: PDFFont, size: number, y: number): void {
  const width = font.widthOfTextAtSize(text, size);
  page.drawText(text, { x: (A4_LANDSCAPE[0] - width) / 2, y, size, font, color: rgb(0, 0, 0) });
}

function drawCover(doc: PDFDocument, fonts: Fonts, register: PrintableRegister): void {
  const page = doc.addPage(A4_LANDSCAPE);
  let y = A4_LANDSCAPE[1] - 70;
  if (register.coQuanChuQuan !== '') {
    centered(page, register.coQuanChuQuan.toUpperCase(), fonts.regular, 13, y);
    y -= 20;
  }
  centered(page, register.tenCoQuan.toUpperCase(), fonts.bold, 13, y);
  y -= 120;
  const title = register.kind === 'den' ? 'SỔ ĐĂNG KÝ VĂN BẢN ĐẾN' : 'SỔ ĐĂNG KÝ VĂN BẢN ĐI';
  centered(page, title, fonts.bold, 26, y);
  y -= 50;
  centered(page, `Năm: ${register.year}`, fonts.bold, 14, y);
  y -= 28;
  const from = register.fromDate === null ? '…' : displayDate(register.fromDate);
  const to = register.toDate === null ? '…' : displayDate(register.toDate);
  centered(page, `Từ ngày ${from} đến ngày ${to}`, fonts.regular, 14, y);
  y -= 22;
  centered(page, `Từ số ${register.fromSo ?? '…'} đến số ${register.toSo ?? '…'}`, fonts.regular, 14, y);
  y -= 22;
  centered(page, `Quyển số: ${String(register.quyenSo).padStart(2, '0')}`, fonts.regular, 14, y);
}

/** Draw one table row of wrapped cells with borders; returns its height. */
function drawRow(
  page: PDFPage,
  cells: readonly string[],
  widths: readonly number[],
  top: number,
  font: PDFFont,
  size: number,
  height?: number,
): number {
  const wrapped = cells.map((cell, i) => wrapText(cell, font, size, (widths[i] ?? 0) - 2 * PADDING));
  const rowHeight = height ?? Math.max(...wrapped.map((lines) => lines.length)) * size * LEADING + 2 * PADDING;
  let x = MARGIN;
  wrapped.forEach((lines, i) => {
    const width = widths[i] ?? 0;
    page.drawRectangle({
      x,
      y: top - rowHeight,
      width,
      height: rowHeight,
      borderColor: rgb(0, 0, 0),
      borderWidth: 0.5,
    });
    lines.forEach((line, n) => {
      page.drawText(line, { x: x + PADDING, y: top - PADDING - (n + 1) * size * LEADING + size * 0.25, size, font });
    });
    x += width;
  });
  return rowHeight;
}

function rowHeightOf(cells: readonly string[], widths: readonly number[], font: PDFFont, size: number): number {
  const lines = cells.map((cell, i) => wrapText(cell, font, size, (widths[i] ?? 0) - 2 * PADDING).length);
  return Math.max(...lines) * size * LEADING + 2 * PADDING;
}

/** Rows laid out so far and the total; reported once per finished page and at the end. */
export type PrintProgress = (done: number, total: number) => void;

/**
 * Print a register as the paper form of Phụ lục IV: a cover page, then A4 landscape pages of
 * the table with all columns, the header and column numbers repeated on every page.
 */
export async function printRegisterPdf(register: PrintableRegister, onProgress?: PrintProgress): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  // The app's own Liberation Serif (Times-metric, complete for Vietnamese), loaded and embedded
  // as the stamps do: a Windows PC has no system font folder we could count on.
  const fonts: Fonts = { regular: await embedVnFont(doc, 'regular'), bold: await embedVnFont(doc, 'bold') };
  const title = register.kind === 'den' ? 'Sổ đăng ký văn bản đến' : 'Sổ đăng ký văn bản đi';
  doc.setTitle(`${title} năm ${register.year}`);
  doc.setLanguage('vi-VN');
  drawCover(doc, fonts, register);

  const tableWidth = A4_LANDSCAPE[0] - 2 * MARGIN;
  const totalWeight = register.columns.reduce((sum, c) => sum + c.weight, 0);
  const widths = register.columns.map((c) => (c.weight / totalWeight) * tableWidth);
  const headers = register.columns.map((c) => c.title);
  const numbers = register.columns.map((_, i) => `(${i + 1})`);
  const headerHeight = rowHeightOf(headers, widths, fonts.bold, HEADER_SIZE);

  let page: PDFPage | undefined;
  let top = 0;
  let pageNo = 0;
  const newPage = (): void => {
    page = doc.addPage(A4_LANDSCAPE);
    pageNo += 1;
    top = A4_LANDSCAPE[1] - MARGIN;
    top -= drawRow(page, headers, widths, top, fonts.bold, HEADER_SIZE, headerHeight);
    top -= drawRow(page, numbers, widths, top, fonts.regular, HEADER_SIZE);
    const label = `${title} năm ${register.year} — trang ${pageNo}`;
    page.drawText(label, { x: MARGIN, y: MARGIN / 2, size: 8, font: fonts.regular });
  };
  newPage();
  const total = register.rows.length;
  let done = 0;
  for (const row of register.rows) {
    const height = rowHeightOf(row, widths, fonts.regular, BODY_SIZE);
    if (top - height < MARGIN) {
      onProgress?.(done, total);
      newPage();
    }
    done += 1;
    if (page !== undefined) {
      top -= drawRow(page, row, widths, top, fonts.regular, BODY_SIZE, height);
    }
  }
  onProgress?.(total, total);
  return doc.save();
}
