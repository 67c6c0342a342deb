import type { LegacyEncoding } from '../../domain/legacy/detect.ts';
import type { TextItem, TextLine } from '../../domain/nd30/text-lines.ts';

/** A text item with the face it is set in (subset tag removed, e.g. "LiberationSerif-Bold"). */
export interface FontItem extends TextItem {
  readonly font: string;
  /** The reader's id of the font resource: one font, one encoding, across the document. */
  readonly fontId?: string;
  readonly bold: boolean;
  /** Set when `str` was converted to Unicode from a legacy encoding (TCVN3, VNI). */
  readonly legacy?: { readonly encoding: LegacyEncoding; readonly confidence: number };
}

/** A horizontal stroke on the page (visual frame, points): the rule under tiêu ngữ is one. */
export interface HorizontalRule {
  readonly x0: number;
  readonly x1: number;
  readonly y: number;
}

/** One page as the rules see it: visual frame, origin bottom-left, points. */
export interface DraftPage {
  readonly pageIndex: number;
  readonly width: number;
  readonly height: number;
  readonly items: readonly FontItem[];
  /** Lines rebuilt from `items` (their `items` are FontItems). */
  readonly lines: readonly TextLine[];
  readonly rules: readonly HorizontalRule[];
}

/** The fonts of a line's items. */
export function lineItems(line: TextLine): readonly FontItem[] {
  return line.items as readonly FontItem[];
}

export function isBold(line: TextLine): boolean {
  const items = lineItems(line).filter((i) => i.str.trim() !== '');
  return items.length > 0 && items.every((i) => i.bold);
}
