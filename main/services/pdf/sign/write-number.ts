import { PDFArray, type PDFDict, PDFName, PDFNumber, type PDFRef } from '@cantoo/pdf-lib';
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
import { widgetRotation } from './pages.ts';

export interface WriteNumberOptions {
  /** e.g. "15/QĐ-UBND"; written as "Số: 15/QĐ-UBND". */
  readonly soKyHieu: string;
  /** ISO date (YYYY-MM-DD) of issue. */
  readonly ngayBanHanh: string;
  /** Place name printed before the date (ô số 4), e.g. "Bắc Ninh". */
  readonly diaDanh?: string;
  readonly fontSize?: number;
}

export interface WriteNumberResult {
  readonly soText: string;
  readonly ngayText: string;
  readonly bytesAdded: number;
}

/**
 * Writes số/ký hiệu and the date into the fields made by prepare, as a form fill in a new
 * revision: the fields' values and appearances change and nothing else, which DocMDP P=2 and
 * approval signatures permit (signing-notes §6).
 */
export async function writeNumber(
  bytes: Uint8Array,
  outPath: string,
  options: WriteNumberOptions,
): Promise<WriteNumberResult> {
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
  // Laid out in the orientation of the page's text (the reader's, unless the page was turned), then turned.
  const rotation = normalizeRotation(widgetRotation(inc, field.dict));
  const visual = visualSize(width, height, rotation);
  const font = await embedVnFont(inc.doc, style);
  const { size, lines } = fitLines(value, visual, fontSize, (t, s) => font.widthOfTextAtSize(t, s));
  const leading = size * LEADING;
  // The block of lines centred in the box; the first baseline highest.
  const blockHeight = size * 0.7 + leading * (lines.length - 1);
  const top = Math.max(0, (visual.height - blockHeight) / 2) + leading * (lines.length - 1);
  const matrix = uprightMatrix(width, height, rotation).map(fmt).join(' ');
  const shown = lines
    .map((line, i) => {
      const x = Math.max(0, (visual.width - font.widthOfTextAtSize(line, size)) / 2);
      return `1 0 0 1 ${fmt(x)} ${fmt(top - i * leading)} Tm ${font.encodeText(line).toString()} Tj`;
    })
    .join(' ');
  const content = `/Tx BMC q ${matrix} cm BT /F1 ${fmt(size)} Tf 0 g ${shown} ET Q EMC`;
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

const LEADING = 1.15;
const MIN_SIZE = 6;

/**
 * The value at the wanted size, wrapped onto as many lines as the box holds (a date box that
 * covers a wrapped date line has two), shrunk only when it still does not fit.
 */
function fitLines(
  value: string,
  box: { width: number; height: number },
  fontSize: number,
  widthOf: (text: string, size: number) => number,
): { size: number; lines: string[] } {
  for (let size = fontSize; size >= MIN_SIZE; size -= 0.5) {
    const room = Math.max(1, Math.floor(box.height / (size * LEADING)));
    const lines = wrapWords(value, box.width, (t) => widthOf(t, size));
    if (lines.length <= room && lines.every((l) => widthOf(l, size) <= box.width)) {
      return { size, lines };
    }
  }
  return { size: MIN_SIZE, lines: [value] };
}

function wrapWords(text: string, maxWidth: number, widthOf: (text: string) => number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    const candidate = line === '' ? word : `${line} ${word}`;
    if (line !== '' && widthOf(candidate) > maxWidth) {
      lines.push(line);
      line = word;
    } else {
      line = candidate;
    }
  }
  return line === '' ? lines : [...lines, line];
}

function fmt(n: number): string {
  return (Math.round(n * 100) / 100).toString();
}
