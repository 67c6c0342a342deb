/**
 * Rebuilding text lines from PDF text items. Producers split text very differently: pdf-lib
 * writes one item per drawText, LibreOffice one per run, pdftocairo one per glyph run of a
 * subset ("KT. CH" "Ủ" "T" "Ị" "CH", spaces dropped). Items are given in the reader's
 * (visual) frame, so rotated pages look like upright ones here.
 */
export interface TextItem {
  readonly str: string;
  /** Left end of the baseline and the advance, in the visual frame (points). */
  readonly x: number;
  readonly y: number;
  readonly width: number;
  /** Font size (points). */
  readonly size: number;
}

export interface TextLine {
  readonly text: string;
  /** Upper-cased, whitespace removed: what the matchers compare. */
  readonly key: string;
  readonly x0: number;
  readonly x1: number;
  /** Baseline. */
  readonly y: number;
  readonly size: number;
  readonly items: readonly TextItem[];
}

const SAME_BASELINE = 2;
const SPACE_GAP_EM = 0.2;
const COLUMN_GAP_EM = 3;

export function lineKey(text: string): string {
  return text.normalize('NFC').toUpperCase().replace(/\s+/g, '');
}

/** Groups items by baseline, orders them by x, splits columns, inserts the dropped spaces. */
export function rebuildLines(items: readonly TextItem[]): TextLine[] {
  const visible = items
    .filter((i) => i.str.trim().length > 0 && i.size > 0)
    .map((i) => ({ ...i, str: i.str.normalize('NFC') }))
    .sort((a, b) => b.y - a.y || a.x - b.x);

  const rows: TextItem[][] = [];
  for (const item of visible) {
    const row = rows.find((r) => Math.abs((r[0]?.y ?? Infinity) - item.y) <= Math.max(SAME_BASELINE, item.size * 0.15));
    if (row === undefined) {
      rows.push([item]);
    } else {
      row.push(item);
    }
  }

  const lines: TextLine[] = [];
  for (const row of rows) {
    row.sort((a, b) => a.x - b.x);
    let segment: TextItem[] = [];
    let end = -Infinity;
    for (const item of row) {
      const em = item.size;
      if (segment.length > 0 && item.x - end > COLUMN_GAP_EM * em) {
        lines.push(toLine(segment));
        segment = [];
      }
      segment.push(item);
      end = Math.max(end, item.x + item.width);
    }
    if (segment.length > 0) {
      lines.push(toLine(segment));
    }
  }
  return lines.sort((a, b) => b.y - a.y || a.x0 - b.x0);
}

function toLine(items: readonly TextItem[]): TextLine {
  let text = '';
  let end = -Infinity;
  for (const item of items) {
    const gap = item.x - end;
    if (text !== '' && gap > SPACE_GAP_EM * item.size && !text.endsWith(' ') && !item.str.startsWith(' ')) {
      text += ' ';
    }
    text += item.str;
    end = Math.max(end, item.x + item.width);
  }
  const trimmed = text.replace(/\s+/g, ' ').trim();
  const x0 = Math.min(...items.map((i) => i.x));
  return {
    text: trimmed,
    key: lineKey(trimmed),
    x0,
    x1: end,
    y: items.reduce((s, i) => s + i.y, 0) / items.length,
    size: Math.max(...items.map((i) => i.size)),
    items,
  };
}

/**
 * Approximate x of the character at `index` of the line's text, interpolating inside the item
 * that holds it with rough Times widths (a space is a quarter em, capitals wider): enough to
 * box the blank of "Số:      /QĐ-UBND". Spaces are not counted to find the item, because line
 * rebuilding inserts and collapses them.
 */
export function xAtChar(line: TextLine, index: number): number {
  return xOf(line, index, 0);
}

/** Right edge of the (non-space) character at `index`. */
export function xAfterChar(line: TextLine, index: number): number {
  return xOf(line, index, 1);
}

function xOf(line: TextLine, index: number, after: 0 | 1): number {
  const target = line.text.slice(0, index).replace(/\s+/g, '').length;
  let seen = 0;
  for (const item of line.items) {
    const chars = item.str.replace(/\s+/g, '');
    if (
      target < seen + chars.length ||
      (target === seen + chars.length && item === line.items[line.items.length - 1])
    ) {
      const k = offsetOfNonSpace(item.str, target - seen);
      const total = weight(item.str);
      return total === 0 ? item.x : item.x + (item.width * weight(item.str.slice(0, k + after))) / total;
    }
    seen += chars.length;
  }
  return line.x1;
}

/** Index in `str` of its n-th non-space character (or its length). */
function offsetOfNonSpace(str: string, n: number): number {
  let count = 0;
  for (let i = 0; i < str.length; i += 1) {
    if (/\s/.test(str[i] ?? '')) {
      continue;
    }
    if (count === n) {
      return i;
    }
    count += 1;
  }
  return str.length;
}

function weight(text: string): number {
  let w = 0;
  for (const c of text) {
    if (/\s/.test(c)) {
      w += 0.25;
    } else if (/[:;,./|!'()-]/.test(c)) {
      w += 0.3;
    } else if (c === c.toUpperCase() && c !== c.toLowerCase()) {
      w += 0.7;
    } else {
      w += 0.48;
    }
  }
  return w;
}

export function centreX(line: TextLine): number {
  return (line.x0 + line.x1) / 2;
}
