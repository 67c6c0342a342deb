import type { TheThucFinding, TheThucReport } from '../../../preload/contract/the-thuc.ts';
import type { TextLine } from '../../domain/nd30/text-lines.ts';
import type { DraftPage } from './model.ts';
import { readDraft } from './read-draft.ts';
import { coChuNoiDung, leTrang, phongChu, soTrang, tenLoai } from './rules-body.ts';
import { coQuan, ngayThang, quocHieu, soKyHieu, TEN_LOAI, tieuNgu, tieuNguGach } from './rules-header.ts';
import { choKy, nguoiKy, noiNhan } from './rules-signer.ts';
import type { Draft, TheThucRule } from './rule.ts';

/** Most valuable first: the panel lists findings in this order. */
export const RULES: readonly TheThucRule[] = [
  quocHieu,
  tieuNgu,
  tieuNguGach,
  coQuan,
  soKyHieu,
  ngayThang,
  tenLoai,
  phongChu,
  coChuNoiDung,
  leTrang,
  soTrang,
  noiNhan,
  nguoiKy,
  choKy,
];

const DATE_LINE = /^[^,]{2,40},\s*ngày\b.*\btháng\b.*\bnăm\b/u;

/** Finds the parts of page 1 every header rule needs, once. */
export function draftOf(pages: readonly DraftPage[]): Draft {
  const lines: readonly TextLine[] = pages[0]?.lines ?? [];
  const quocHieu = lines.find((l) => l.key.startsWith('CỘNGHÒAXÃHỘI') || l.key.startsWith('CỘNGHOÀXÃHỘI'));
  const tieuNgu = lines.find((l) => l.key.startsWith('ĐỘCLẬP'));
  const so = lines.find((l) => /^Số\s*:/u.test(l.text));
  const date = lines.find((l) => DATE_LINE.test(l.text));
  const below = date?.y ?? so?.y ?? Infinity;
  const tenLoai = lines.find((l) => l.y < below && TEN_LOAI.some((t) => l.key === t.replace(/\s+/g, '')));
  const vv = lines.some((l) => /^V\/v\s/u.test(l.text));
  const loai = tenLoai !== undefined ? tenLoai.text.toLocaleUpperCase('vi') : vv ? 'CÔNG VĂN' : undefined;
  return { pages, quocHieu, tieuNgu, so, date, tenLoai, loai };
}

/** Runs every rule; a rule that throws is a bug, never a reason to hide the others. */
export function checkPages(pages: readonly DraftPage[]): TheThucFinding[] {
  const draft = draftOf(pages);
  return RULES.flatMap((rule) =>
    rule.check(draft).map((hit) => ({ rule: rule.id, source: rule.source, tolerance: rule.tolerance, ...hit })),
  );
}

/** Reads a draft PDF and checks its thể thức. Findings warn; nothing here refuses a draft. */
export async function checkTheThuc(
  bytes: Uint8Array,
  now: () => number = () => performance.now(),
): Promise<TheThucReport> {
  const start = now();
  const pages = await readDraft(bytes);
  const findings = checkPages(pages);
  return { rulesChecked: RULES.map((r) => r.id), findings, pageCount: pages.length, millis: now() - start };
}
