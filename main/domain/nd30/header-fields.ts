import { xAfterChar, xAtChar, type TextLine } from './text-lines.ts';

/**
 * The "Số: …/…" line (ô 3) and the "Địa danh, ngày … tháng … năm …" line (ô 4) of page 1,
 * where the văn thư's number and issue date go. Boxes are in the visual frame.
 */
export interface HeaderField {
  readonly kind: 'so' | 'ngay';
  readonly line: TextLine;
  /** The part of the line to fill: after "Số:" up to "/", or after the comma. */
  readonly x0: number;
  readonly x1: number;
  readonly confidence: number;
  readonly evidence: string;
}

const SO_LINE = /^Số\s*:/u;
const DATE_LINE = /^[\p{Lu}][\p{L} .-]*,\s*ngày\b.*\btháng\b.*\bnăm\b/u;

export function findHeaderFields(lines: readonly TextLine[]): HeaderField[] {
  const fields: HeaderField[] = [];
  const so = lines.find((l) => SO_LINE.test(l.text));
  if (so !== undefined) {
    const colon = so.text.indexOf(':');
    const slash = so.text.indexOf('/');
    const end = slash > colon ? xAtChar(so, slash) : so.x1;
    fields.push({
      kind: 'so',
      line: so,
      x0: xAfterChar(so, colon),
      // With no slash yet, leave room for a number of a few digits.
      x1: slash > colon ? end : Math.max(end, xAfterChar(so, colon) + 2.5 * so.size),
      confidence: slash > colon ? 0.95 : 0.7,
      evidence: `số, ký hiệu: "${so.text}"`,
    });
  }
  const date = lines.find((l) => DATE_LINE.test(l.text));
  if (date !== undefined) {
    const comma = date.text.indexOf(',');
    fields.push({
      kind: 'ngay',
      line: date,
      x0: xAfterChar(date, comma),
      x1: date.x1,
      confidence: 0.95,
      evidence: `địa danh, ngày tháng: "${date.text}"`,
    });
  }
  return fields;
}
