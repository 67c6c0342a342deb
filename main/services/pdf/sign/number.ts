import { PDFArray, type PDFDict, PDFName, PDFNumber, PDFRef } from '@cantoo/pdf-lib';
import { normalizeRotation, uprightMatrix, visualSize } from '../../../domain/nd30/rotation.ts';
import { embedVnFont, type FontStyle } from '../stamp/font.ts';
import { atomicWrite } from './atomic-write.ts';
import { signFailure } from './fail.ts';
import { FIELD_NGAY_BAN_HANH, FIELD_SO_KY_HIEU } from './fields.ts';
import { findField, pdfText, type FieldInfo } from './form.ts';
import { Increment } from './increment.ts';
import { assertPdfBytes } from './input.ts';
import { assertModificationAllowed } from './mdp.ts';
import { ngayBanHanhText } from './ngay-ban-hanh.ts';
import { pageRotation } from './pages.ts';

export interface NumberOptions {
  /** e.g. "15/QĐ-UBND"; written as "Số: 15/QĐ-UBND". */
  readonly soKyHieu: string;
  /** ISO date (YYYY-MM-DD) of issue. */
  readonly ngayBanHanh: string;
  /** Place name printed before the date (ô số 4), e.g. "Bắc Ninh". */
  readonly diaDanh?: string;
  readonly fontSize?: number;
}

export interface NumberResult {
  readonly soText: string;
  readonly ngayText: string;
  readonly bytesAdded: number;
}

/**
 * Writes số/ký hiệu and the date into the fields made by prepare, as a form fill in a new
 * revision: the fields' values and appearances change and nothing else, which DocMDP P=2 and
 * approval signatures permit (signing-notes §6).
 */
export async function numberPdf(bytes: Uint8Array, outPath: string, options: NumberOptions): Promise<NumberResult> {
  assertPdfBytes(bytes);
  const inc = await Increment.open(bytes);
  assertModificationAllowed(inc, false);
  const soText = `Số: ${options.soKyHieu.normalize('NFC').trim()}`;
  let ngayText: string;
  try {
    ngayText = ngayBanHanhText(options.ngayBanHanh, options.diaDanh?.normalize('NFC').trim());
  } catch {
    throw signFailure('INVALID_INPUT', `Ngày ban hành "${options.ngayBanHanh}" phải có dạng YYYY-MM-DD.`);
  }
  const fontSize = options.fontSize ?? 13;
  await fill(inc, requireTextField(inc, FIELD_SO_KY_HIEU), soText, 'regular', fontSize);
  await fill(inc, requireTextField(inc, FIELD_NGAY_BAN_HANH), ngayText, 'italic', fontSize);

  await inc.doc.flush();
  const { bytes: increment } = inc.build();
  await atomicWrite(outPath, [bytes, increment]);
  return { soText, ngayText, bytesAdded: increment.length };
}

function requireTextField(inc: Increment, name: string): FieldInfo & { ref: PDFRef } {
  const field = findField(inc, name);
  if (field === undefined || field.type !== 'Tx' || field.ref === undefined) {
    throw signFailure('PDF_FIELD_NOT_FOUND', `Trường "${name}".`, { field: name });
  }
  return { ...field, ref: field.ref };
}

/** Sets /V and draws the value centred in a new appearance stream with a Vietnamese font subset. */
async function fill(
  inc: Increment,
  field: FieldInfo & { ref: PDFRef },
  value: string,
  style: FontStyle,
  fontSize: number,
): Promise<void> {
  const rect = field.dict.lookup(PDFName.of('Rect'));
  if (!(rect instanceof PDFArray) || rect.size() < 4) {
    throw signFailure('PDF_MALFORMED', `Trường "${field.name}" thiếu /Rect.`);
  }
  const [x0, y0, x1, y1] = rect.asArray().map((v) => (v instanceof PDFNumber ? v.asNumber() : 0)) as [
    number,
    number,
    number,
    number,
  ];
  const width = Math.abs(x1 - x0);
  const height = Math.abs(y1 - y0);
  // On a page with /Rotate the text is laid out in the reader's orientation, then turned.
  const p = field.dict.get(PDFName.of('P'));
  const rotation = normalizeRotation(p instanceof PDFRef ? pageRotation(inc, p) : 0);
  const visual = visualSize(width, height, rotation);
  const font = await embedVnFont(inc.doc, style);
  let size = fontSize;
  while (size > 6 && font.widthOfTextAtSize(value, size) > visual.width) {
    size -= 0.5;
  }
  const textWidth = font.widthOfTextAtSize(value, size);
  const x = Math.max(0, (visual.width - textWidth) / 2);
  const y = Math.max(0, (visual.height - size * 0.7) / 2);
  const matrix = uprightMatrix(width, height, rotation).map(fmt).join(' ');
  const content =
    `/Tx BMC q ${matrix} cm BT /F1 ${fmt(size)} Tf 0 g ${fmt(x)} ${fmt(y)} Td ` +
    `${font.encodeText(value).toString()} Tj ET Q EMC`;
  const ap = inc.register(
    inc.context.stream(content, {
      Type: 'XObject',
      Subtype: 'Form',
      BBox: [0, 0, width, height],
      Resources: { Font: { F1: font.ref } },
    }),
  );
  const dict: PDFDict = field.dict;
  dict.set(PDFName.of('V'), pdfText(value));
  dict.set(PDFName.of('AP'), inc.context.obj({ N: ap }));
  inc.markChanged(field.ref);
}

function fmt(n: number): string {
  return (Math.round(n * 100) / 100).toString();
}
