import type { TheThucFinding } from '../../../preload/contract/the-thuc.ts';
import { POINTS_PER_MM } from '../../domain/nd30/geometry.ts';
import type { TextLine } from '../../domain/nd30/text-lines.ts';
import { lineItems, type DraftPage } from './model.ts';

/** What a rule reports; the checker adds the rule's id, source and tolerance. */
export type RuleHit = Pick<TheThucFinding, 'message' | 'pageIndex' | 'box'>;

/** One explainable rule: its source in NĐ 30/2020 and what it tolerates travel with each finding. */
export interface TheThucRule {
  readonly id: string;
  readonly source: string;
  readonly tolerance: string;
  check(draft: Draft): RuleHit[];
}

/** The draft as the rules read it, with the parts of page 1 found once for all rules. */
export interface Draft {
  readonly pages: readonly DraftPage[];
  readonly quocHieu: TextLine | undefined;
  readonly tieuNgu: TextLine | undefined;
  readonly so: TextLine | undefined;
  readonly date: TextLine | undefined;
  /** The tên loại line, or undefined for a công văn (which has none). */
  readonly tenLoai: TextLine | undefined;
  /** Upper-case tên loại, 'CÔNG VĂN' when a "V/v" line stands instead. */
  readonly loai: string | undefined;
}

export const PL1 = 'NĐ 30/2020/NĐ-CP, Phụ lục I';
/** Rounding of sizes written by word processors (13 pt may come out as 12.96). */
export const SIZE_SLACK = 0.3;
export const mm = (points: number): number => points / POINTS_PER_MM;
export const pt = (millimetres: number): number => millimetres * POINTS_PER_MM;

export function sizeIn(line: TextLine, min: number, max: number): boolean {
  return line.size >= min - SIZE_SLACK && line.size <= max + SIZE_SLACK;
}

export const fmtSize = (size: number): string => size.toFixed(1).replace('.', ',').replace(/,0$/, '');

/** Box of a line, top-left origin as the preview shows the page. */
export function boxOf(page: DraftPage, line: TextLine): NonNullable<RuleHit['box']> {
  const top = line.y + line.size * 0.9;
  return { x: line.x0, y: page.height - top, width: line.x1 - line.x0, height: line.size * 1.15 };
}

export function hitAt(page: DraftPage, line: TextLine, message: string): RuleHit {
  return { message, pageIndex: page.pageIndex, box: boxOf(page, line) };
}

export function isItalic(line: TextLine): boolean {
  const items = lineItems(line).filter((i) => i.str.trim() !== '');
  return items.length > 0 && items.every((i) => /italic|oblique/i.test(i.font));
}

export function isUpper(text: string): boolean {
  return text === text.toLocaleUpperCase('vi');
}
