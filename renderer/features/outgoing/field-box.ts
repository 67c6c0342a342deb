import type { PlacedField } from '../../../preload/contract/issuing.ts';

export type FieldKind = 'so' | 'ngay';

/** A box in displayed points, origin top-left of the page as shown (the contract's screenRect). */
export interface ScreenBox {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/**
 * The box a click places, in points: wide enough for "Số: 123/QĐ-UBND" or "Hà Nội, ngày 05
 * tháng 01 năm 2027" at 13 pt, one line high. The click marks where the line starts.
 */
export const CLICK_BOX: Readonly<Record<FieldKind, { width: number; height: number }>> = {
  so: { width: 150, height: 18 },
  ngay: { width: 240, height: 18 },
};

/** Below this many pixels of travel a press is a click, not a drag. */
const DRAG_THRESHOLD_PX = 4;

/** Keep a box inside the page (main clamps too; this keeps the outline where it will land). */
export function clampBox(box: ScreenBox, page: { width: number; height: number }): ScreenBox {
  const width = Math.min(box.width, page.width);
  const height = Math.min(box.height, page.height);
  return {
    x: Math.min(Math.max(0, box.x), page.width - width),
    y: Math.min(Math.max(0, box.y), page.height - height),
    width,
    height,
  };
}

/**
 * A press-and-release on the preview as a box in page points: a drag gives the rectangle drawn,
 * a click the kind's usual box starting at the click, vertically centred on it.
 */
export function boxFromPointer(
  kind: FieldKind,
  from: { x: number; y: number },
  to: { x: number; y: number },
  pointsPerPixel: number,
  page: { width: number; height: number },
): ScreenBox {
  const dragged = Math.abs(to.x - from.x) >= DRAG_THRESHOLD_PX || Math.abs(to.y - from.y) >= DRAG_THRESHOLD_PX;
  if (!dragged) {
    const size = CLICK_BOX[kind];
    return clampBox({ x: from.x * pointsPerPixel, y: from.y * pointsPerPixel - size.height / 2, ...size }, page);
  }
  return clampBox(
    {
      x: Math.min(from.x, to.x) * pointsPerPixel,
      y: Math.min(from.y, to.y) * pointsPerPixel,
      width: Math.abs(to.x - from.x) * pointsPerPixel,
      height: Math.abs(to.y - from.y) * pointsPerPixel,
    },
    page,
  );
}

/** Arrow keys move a box by 2 pt, 20 pt with Shift; other keys leave it. */
export function nudged(
  box: ScreenBox,
  key: string,
  far: boolean,
  page: { width: number; height: number },
): ScreenBox | null {
  const step = far ? 20 : 2;
  const moves: Readonly<Record<string, [number, number]>> = {
    ArrowLeft: [-step, 0],
    ArrowRight: [step, 0],
    ArrowUp: [0, -step],
    ArrowDown: [0, step],
  };
  const move = moves[key];
  return move === undefined ? null : clampBox({ ...box, x: box.x + move[0], y: box.y + move[1] }, page);
}

/** The kind's usual box in the middle of the page (the keyboard's way to start). */
export function centredBox(kind: FieldKind, page: { width: number; height: number }): ScreenBox {
  const size = CLICK_BOX[kind];
  return clampBox({ x: (page.width - size.width) / 2, y: (page.height - size.height) / 2, ...size }, page);
}

export function placedField(pageIndex: number, box: ScreenBox): PlacedField {
  return { pageIndex, screenRect: { x: box.x, y: box.y, width: box.width, height: box.height } };
}
