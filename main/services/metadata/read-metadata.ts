import { METADATA_FIELDS } from '../../../preload/contract/metadata.ts';
import { findSignerBlocks } from '../../domain/nd30/signer-blocks.ts';
import type { TextLine } from '../../domain/nd30/text-lines.ts';
import { draftOf } from '../the-thuc/check.ts';
import { isBold, type DraftPage } from '../the-thuc/model.ts';

/** One field read from the text layer, with how sure the reader is and what it matched. */
export interface MetadataField {
  readonly value: string;
  readonly confidence: number;
  readonly evidence: string;
}

export { METADATA_FIELDS };
export type MetadataFieldName = (typeof METADATA_FIELDS)[number];
export type DocumentMetadata = Partial<Record<MetadataFieldName, MetadataField>>;

/**
 * "15/QĐ-UBND", the year form of legal documents "69/2024/QĐ-UBND", a party document's
 * "15-TB/HU": the number, then everything after the first separator is the ký hiệu.
 */
const SO_KY_HIEU = /^Số\s*:\s*(\d{1,11})\s*[/-]\s*(\S(?:.*\S)?)$/u;
const DATE = /ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})/u;
const BODY_START = /^(Căn cứ|Kính gửi|Điều \d|Theo đề nghị|Thực hiện|Xét đề nghị)/u;

const field = (value: string, confidence: number, evidence: string): MetadataField => ({ value, confidence, evidence });
const capitalized = (upper: string): string => upper.charAt(0) + upper.slice(1).toLocaleLowerCase('vi');

/** Reads the Phụ lục VI fields an incoming document prints about itself (page 1 and the signer's page). */
export function readMetadata(pages: readonly DraftPage[]): DocumentMetadata {
  const draft = draftOf(pages);
  const page = pages[0];
  const out: DocumentMetadata = {};
  if (page === undefined) {
    return out;
  }
  const so = draft.so === undefined ? null : SO_KY_HIEU.exec(draft.so.text);
  if (so !== null && draft.so !== undefined) {
    out.so = field(so[1] ?? '', 0.95, draft.so.text);
    out.kyHieu = field((so[2] ?? '').replace(/\s+/g, ''), 0.9, draft.so.text);
  }
  const date = draft.date === undefined ? null : DATE.exec(draft.date.text);
  if (date !== null && draft.date !== undefined) {
    const [, d = '', m = '', y = ''] = date;
    out.ngayBanHanh = field(`${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`, 0.95, draft.date.text);
  }
  const coQuan = coQuanLines(page, draft.quocHieu, draft.so);
  if (coQuan.length > 0) {
    out.coQuanBanHanh = field(
      coQuan.map((l) => l.text).join(' '),
      coQuan.every(isBold) ? 0.9 : 0.6,
      coQuan.map((l) => l.text).join(' / '),
    );
  }
  if (draft.tenLoai !== undefined) {
    out.tenLoai = field(capitalized(draft.tenLoai.text), 0.95, draft.tenLoai.text);
    const summary = following(page.lines, draft.tenLoai);
    if (summary.length > 0) {
      out.trichYeu = field(summary.map((l) => l.text).join(' '), 0.85, summary.map((l) => l.text).join(' / '));
    }
  } else if (draft.loai === 'CÔNG VĂN') {
    out.tenLoai = field('Công văn', 0.7, 'dòng "V/v" thay tên loại');
    const vv = page.lines.find((l) => /^V\/v\s/u.test(l.text));
    if (vv !== undefined) {
      const lines = [vv, ...following(page.lines, vv)];
      out.trichYeu = field(
        lines
          .map((l) => l.text)
          .join(' ')
          .replace(/^V\/v\s+/u, ''),
        0.85,
        lines.map((l) => l.text).join(' / '),
      );
    }
  }
  Object.assign(out, signer(pages), noiNhan(pages));
  return out;
}

/** The left header column above "Số:": the bold lines are the issuing body (the others its chủ quản). */
function coQuanLines(page: DraftPage, qh: TextLine | undefined, so: TextLine | undefined): TextLine[] {
  if (qh === undefined || so === undefined) {
    return [];
  }
  const column = page.lines.filter((l) => l.y > so.y + 1 && l.y <= qh.y + 2 && l.x1 <= qh.x0 + 5);
  const bold = column.filter(isBold);
  return bold.length > 0 ? bold : column.slice(-1);
}

/** Lines going on below `line` in its column, a line apart, until the body starts. */
function following(lines: readonly TextLine[], line: TextLine): TextLine[] {
  const out: TextLine[] = [];
  let last = line;
  for (;;) {
    const next = lines.find(
      (l) =>
        l.y < last.y - 1 &&
        last.y - l.y <= 2.4 * last.size &&
        Math.min(l.x1, last.x1) - Math.max(l.x0, last.x0) > 0 &&
        !BODY_START.test(l.text) &&
        !/^Số\s*:/u.test(l.text),
    );
    if (next === undefined || out.length >= 4) {
      return out;
    }
    out.push(next);
    last = next;
  }
}

function signer(pages: readonly DraftPage[]): DocumentMetadata {
  for (const page of [...pages].reverse()) {
    // Right-most block first: a single signer stands on the right (ND30 ô 7).
    const block = findSignerBlocks(page.lines).sort(
      (a, b) => (b.titleLines[0]?.x0 ?? 0) - (a.titleLines[0]?.x0 ?? 0),
    )[0];
    if (block === undefined) {
      continue;
    }
    const title = block.titleLines[block.titleLines.length - 1];
    const out: DocumentMetadata = {};
    if (title !== undefined) {
      out.chucVu = field(
        title.text.replace(/^(TM|KT|Q|TL|TUQ)\.\s*/u, ''),
        block.confidence,
        block.evidence.join('; '),
      );
    }
    if (block.nameLine !== undefined) {
      out.nguoiKy = field(block.nameLine.text, block.confidence, block.evidence.join('; '));
    }
    return out;
  }
  return {};
}

function noiNhan(pages: readonly DraftPage[]): DocumentMetadata {
  for (const page of pages) {
    const head = page.lines.find((l) => /^Nơi nhận\s*:/iu.test(l.text));
    if (head === undefined) {
      continue;
    }
    const items: TextLine[] = [];
    let last = head;
    for (;;) {
      const next = page.lines.find(
        (l) => l.y < last.y - 1 && last.y - l.y <= 2.5 * last.size && Math.abs(l.x0 - head.x0) <= 3 * head.size,
      );
      if (next === undefined || items.length >= 30) {
        break;
      }
      items.push(next);
      last = next;
    }
    if (items.length > 0) {
      return { noiNhan: field(items.map((l) => l.text).join('\n'), 0.8, head.text) };
    }
  }
  return {};
}
