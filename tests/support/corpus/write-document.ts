import { PDFDocument } from '@cantoo/pdf-lib';
import { embedVnFont } from '../../../main/services/pdf/stamp/font.ts';
import type { Rect } from '../../../main/services/pdf/placement.ts';
import { A4, PageWriter, wrap, type Fonts, type LineEncoder, type TextStyle } from './page-writer.ts';
import type { DocumentSpec, GeneratedDocument, SignerBlockTruth } from './spec.ts';

// ND30 Phụ lục I geometry: margins top/bottom 20 mm, left 30 mm, right 20 mm.
const MARGIN = { left: 85, right: 57, top: 57, bottom: 57 } as const;
const LEFT_CENTRE = MARGIN.left + 105;
const RIGHT_CENTRE = A4.width - MARGIN.right - 125;
const SIGNATURE_GAP = 78;

const HEADER: TextStyle = { font: 'regular', size: 12 };
const HEADER_BOLD: TextStyle = { font: 'bold', size: 12 };
const MOTTO: TextStyle = { font: 'bold', size: 13 };
const BODY: TextStyle = { font: 'regular', size: 13 };
const DATE: TextStyle = { font: 'italic', size: 13 };
const TITLE: TextStyle = { font: 'bold', size: 14 };
const SIGNER: TextStyle = { font: 'bold', size: 13 };
const RECIPIENTS_HEAD: TextStyle = { font: 'italic', size: 12 };
const RECIPIENTS: TextStyle = { font: 'regular', size: 11 };

/** Fonts other than the embedded Unicode ones (legacy encodings), and what to do before saving. */
export interface Typesetting {
  readonly fonts: Fonts;
  readonly encoder: LineEncoder;
  readonly beforeSave: () => Promise<void>;
}

/** Writes an ND30-shaped document with pdf-lib and records where the key lines went. */
export async function writeDocument(
  spec: DocumentSpec,
  typesetting?: (doc: PDFDocument) => Promise<Typesetting>,
): Promise<GeneratedDocument> {
  const doc = await PDFDocument.create();
  doc.setProducer('pdf-lib (vanthu test corpus)');
  doc.setCreationDate(new Date('2026-11-22T07:00:00Z'));
  doc.setModificationDate(new Date('2026-11-22T07:00:00Z'));
  const typeset = await typesetting?.(doc);
  const fonts = typeset?.fonts ?? {
    regular: await embedVnFont(doc, 'regular'),
    bold: await embedVnFont(doc, 'bold'),
    italic: await embedVnFont(doc, 'italic'),
  };
  const w = new PageWriter(doc, fonts, spec.rotation ?? 0, typeset?.encoder);
  w.newPage();

  let y = A4.height - MARGIN.top - 12;
  if (spec.coQuanChuQuan !== undefined) {
    w.centred(spec.coQuanChuQuan, LEFT_CENTRE, y, HEADER);
  }
  w.centred('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', RIGHT_CENTRE, y, HEADER_BOLD);
  y -= 16;
  w.centred(spec.coQuanBanHanh, LEFT_CENTRE, y, HEADER_BOLD);
  w.centred('Độc lập - Tự do - Hạnh phúc', RIGHT_CENTRE, y, MOTTO);
  y -= 30;
  const soLine = w.centred(`Số: ${spec.soKyHieu}`, LEFT_CENTRE, y, BODY);
  const dateLines =
    spec.dateColumnWidth === undefined ? [spec.diaDanhNgay] : wrap(w, spec.diaDanhNgay, spec.dateColumnWidth, DATE);
  const dateRects = dateLines.map((line, i) => dateLineAt(w, line, y - i * 16, spec.dateRuns === true));
  const dateLine = union(dateRects);
  y -= 18 + 16 * (dateLines.length - 1);
  if (spec.tenLoai === 'CÔNG VĂN') {
    for (const line of wrap(w, `V/v ${spec.trichYeu}`, 220, HEADER)) {
      w.centred(line, LEFT_CENTRE, y, HEADER);
      y -= 15;
    }
    y -= 14;
  } else {
    y -= 14;
    w.centred(spec.tenLoai, A4.width / 2 + 14, y, TITLE);
    y -= 18;
    for (const line of wrap(w, spec.trichYeu, 380, TITLE)) {
      w.centred(line, A4.width / 2 + 14, y, TITLE);
      y -= 18;
    }
    y -= 12;
  }

  const bodyWidth = A4.width - MARGIN.left - MARGIN.right;
  const paragraphs = [...spec.paragraphs];
  for (let i = 0; i < (spec.extraParagraphs ?? 0); i += 1) {
    paragraphs.push(FILLER[i % FILLER.length] ?? '');
  }
  for (const paragraph of paragraphs) {
    for (const [index, line] of wrap(w, paragraph, bodyWidth - 0, BODY).entries()) {
      if (y < MARGIN.bottom + 20) {
        w.newPage();
        y = A4.height - MARGIN.top - 12;
        w.centred(String(w.pageIndex + 1), A4.width / 2, y, BODY);
        y -= 30;
      }
      w.textAt(line, MARGIN.left + (index === 0 ? 28 : 0), y, BODY);
      y -= 17;
    }
    y -= 6;
  }
  w.textAt('./.', A4.width - MARGIN.right - 20, y + 17, BODY);

  const titleCount = Math.max(...spec.signers.map((s) => s.titleLines.length));
  const needed = titleCount * 16 + SIGNATURE_GAP + 20 + (spec.signers.length > 1 ? 60 : 0);
  if (y - needed < MARGIN.bottom) {
    w.newPage();
    y = A4.height - MARGIN.top - 12;
    w.centred(String(w.pageIndex + 1), A4.width / 2, y, BODY);
    y -= 40;
  }
  y -= 10;
  const centres = spec.signers.length > 1 ? [LEFT_CENTRE, RIGHT_CENTRE] : [RIGHT_CENTRE];
  const signerBlocks: SignerBlockTruth[] = spec.signers.map((signer, i) => {
    let by = y;
    let titleLine: Rect | undefined;
    for (const line of signer.titleLines) {
      titleLine = w.centred(line, centres[i] ?? RIGHT_CENTRE, by, SIGNER);
      by -= 16;
    }
    const nameLine = w.centred(signer.name, centres[i] ?? RIGHT_CENTRE, by + 16 - SIGNATURE_GAP, SIGNER);
    if (titleLine === undefined) {
      throw new Error(`signer ${i} has no title line`);
    }
    return { pageIndex: w.pageIndex, titleLine, nameLine };
  });

  // Nơi nhận: beside a single signer, under a joint signature.
  let ry = spec.signers.length > 1 ? y - titleCount * 16 - SIGNATURE_GAP - 20 : y;
  w.textAt('Nơi nhận:', MARGIN.left, ry, RECIPIENTS_HEAD);
  for (const line of ['- Như trên;', '- Lưu: VT, VP.']) {
    ry -= 13;
    w.textAt(line, MARGIN.left, ry, RECIPIENTS);
  }

  for (let i = 0; i < (spec.appendixPages ?? 0); i += 1) {
    w.newPage();
    let py = A4.height - MARGIN.top - 12;
    w.centred(`Phụ lục ${'I'.repeat(i + 1)}`, A4.width / 2, py, TITLE);
    py -= 18;
    w.centred('DANH MỤC HỒ SƠ, TÀI LIỆU', A4.width / 2, py, TITLE);
    py -= 18;
    w.centred(`(Kèm theo văn bản số ${spec.soKyHieu})`, A4.width / 2, py, DATE);
    py -= 30;
    for (const [n, item] of FILLER.entries()) {
      for (const line of wrap(w, `${n + 1}. ${item}`, A4.width - MARGIN.left - MARGIN.right, BODY)) {
        w.textAt(line, MARGIN.left, py, BODY);
        py -= 17;
      }
    }
  }

  await typeset?.beforeSave();
  const bytes = await doc.save({ useObjectStreams: false });
  return { spec, bytes, truth: { pageCount: w.pageIndex + 1, soLine, dateLine, signerBlocks } };
}

/** One date line centred in the right column, as one text item or as two runs. */
function dateLineAt(w: PageWriter, line: string, baseline: number, runs: boolean): Rect {
  const comma = line.indexOf(',');
  if (!runs || comma < 0 || comma === line.length - 1) {
    return w.centred(line, RIGHT_CENTRE, baseline, DATE);
  }
  const place = line.slice(0, comma + 1);
  const rest = line.slice(comma + 1);
  const x = RIGHT_CENTRE - w.width(line, DATE) / 2;
  return union([w.textAt(place, x, baseline, DATE), w.textAt(rest, x + w.width(place, DATE), baseline, DATE)]);
}

function union(rects: readonly Rect[]): Rect {
  const x0 = Math.min(...rects.map((r) => r.x));
  const y0 = Math.min(...rects.map((r) => r.y));
  const x1 = Math.max(...rects.map((r) => r.x + r.width));
  const y1 = Math.max(...rects.map((r) => r.y + r.height));
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

const FILLER = [
  'Cơ quan, tổ chức, cá nhân có liên quan chịu trách nhiệm thi hành nội dung này theo đúng quy định hiện hành của pháp luật.',
  'Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, đề nghị phản ánh kịp thời về cơ quan chủ trì để tổng hợp, báo cáo cấp có thẩm quyền xem xét, giải quyết.',
  'Giao Văn phòng theo dõi, đôn đốc việc triển khai thực hiện; định kỳ hằng quý báo cáo kết quả về Ủy ban nhân dân tỉnh.',
];
