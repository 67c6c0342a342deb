import { xAfterChar, xAtChar, type TextLine } from './text-lines.ts';

/**
 * The "Số: …/…" line (ô 3) and the "Địa danh, ngày … tháng … năm …" line (ô 4) of page 1,
 * where the văn thư's number and issue date go. Boxes are in the visual frame.
 */
export interface HeaderField {
  readonly kind: 'so' | 'ngay';
  /** The first line of the field, and the last one when the text wraps (the same line otherwise). */
  readonly line: TextLine;
  readonly lastLine: TextLine;
  /** The part to fill: after "Số:" up to "/", or after the comma (wrapped: the lines' union). */
  readonly x0: number;
  readonly x1: number;
  readonly confidence: number;
  readonly evidence: string;
}

const SO_START = /^Số\s*:/u;
const DATE_LINE = /^[\p{Lu}][\p{L} .-]*,\s*ngày\b.*\btháng\b.*\bnăm\b/u;
/** A place name and its comma: where a wrapped date line starts. */
const DATE_START = /^[\p{Lu}][\p{L} .-]*,/u;
/** A wrapped line goes on at most this far below (in the font size) and at most this often. */
const NEXT_LINE_EM = 1.9;
const MAX_CONTINUATIONS = 2;

export function findHeaderFields(lines: readonly TextLine[]): HeaderField[] {
  const fields: HeaderField[] = [];
  const so = soField(lines);
  if (so !== undefined) {
    fields.push(so);
  }
  const date = dateField(lines);
  if (date !== undefined) {
    fields.push(date);
  }
  return fields;
}

function soField(lines: readonly TextLine[]): HeaderField | undefined {
  const so = lines.find((l) => SO_START.test(l.text));
  if (so === undefined) {
    return undefined;
  }
  const colon = so.text.indexOf(':');
  const slash = so.text.indexOf('/');
  if (slash > colon) {
    return {
      kind: 'so',
      line: so,
      lastLine: so,
      x0: xAfterChar(so, colon),
      x1: xAtChar(so, slash),
      confidence: 0.95,
      evidence: `số, ký hiệu: "${so.text}"`,
    };
  }
  // "Số:" alone, its ký hiệu wrapped onto the next line (a narrow header column).
  const next = continuation(lines, so);
  const x0 = xAfterChar(so, colon);
  return {
    kind: 'so',
    line: so,
    lastLine: so,
    x0,
    // With no slash on the line, leave room for a number of a few digits.
    x1: Math.max(so.x1, x0 + 2.5 * so.size),
    confidence: next !== undefined && next.text.includes('/') ? 0.8 : 0.7,
    evidence: `số, ký hiệu: "${next === undefined ? so.text : `${so.text} ${next.text}`}"`,
  };
}

/**
 * The date line, also when a narrow column wrapped it ("Thành phố Hồ Chí Minh, ngày 05 tháng
 * 01" / "năm 2027", or the place alone on the first line): the lines below it in the same
 * column are joined until the text reads as a whole date.
 */
function dateField(lines: readonly TextLine[]): HeaderField | undefined {
  for (const first of lines) {
    if (!DATE_START.test(first.text)) {
      continue;
    }
    const group = [first];
    let text = first.text;
    for (let i = 0; !DATE_LINE.test(text) && i < MAX_CONTINUATIONS; i += 1) {
      const next = continuation(lines, group[group.length - 1] ?? first);
      if (next === undefined) {
        break;
      }
      group.push(next);
      text = `${text} ${next.text}`;
    }
    if (!DATE_LINE.test(text)) {
      continue;
    }
    const last = group[group.length - 1] ?? first;
    const comma = first.text.indexOf(',');
    // Only the place on the first line: the date itself starts on the line below.
    const dateLines = comma === first.text.length - 1 ? group.slice(1) : group;
    const top = dateLines[0] ?? first;
    const x0 = top === first ? xAfterChar(first, comma) : top.x0;
    return {
      kind: 'ngay',
      line: top,
      lastLine: last,
      x0: Math.min(x0, ...dateLines.slice(1).map((l) => l.x0)),
      x1: Math.max(...dateLines.map((l) => l.x1)),
      confidence: group.length === 1 ? 0.95 : 0.85,
      evidence:
        group.length === 1
          ? `địa danh, ngày tháng: "${text}"`
          : `địa danh, ngày tháng (xuống ${group.length} dòng): "${text}"`,
    };
  }
  return undefined;
}

/** The line right below `line` in its column (overlapping it horizontally), if any. */
function continuation(lines: readonly TextLine[], line: TextLine): TextLine | undefined {
  return lines.find(
    (l) =>
      l !== line &&
      l.y < line.y - 0.5 &&
      line.y - l.y <= NEXT_LINE_EM * line.size &&
      Math.min(l.x1, line.x1) - Math.max(l.x0, line.x0) > 0,
  );
}
