/**
 * Page /Rotate handling for appearances and placements. A widget's rectangle lives in the
 * page's unrotated user space, but a reader sees the page turned clockwise by /Rotate, so
 * anything that must read upright is drawn in a "visual" frame and mapped back.
 */
export type PageRotation = 0 | 90 | 180 | 270;

/** Affine matrix [a b c d e f] as in the PDF `cm` operator. */
export type Matrix = readonly [number, number, number, number, number, number];

export function normalizeRotation(rotation: number | undefined): PageRotation {
  const r = (((Math.round((rotation ?? 0) / 90) * 90) % 360) + 360) % 360;
  return r as PageRotation;
}

/** Width and height of a user-space box as the reader sees it on the rotated page. */
export function visualSize(width: number, height: number, rotation: PageRotation): { width: number; height: number } {
  return rotation === 90 || rotation === 270 ? { width: height, height: width } : { width, height };
}

/**
 * Matrix mapping the visual frame of a box (origin bottom-left as the reader sees it) into the
 * box's user space [0 0 width height]. A page shown turned 90° clockwise has screen-right = +y
 * and screen-up = −x, hence the quarter-turn matrices below.
 */
export function uprightMatrix(width: number, height: number, rotation: PageRotation): Matrix {
  switch (rotation) {
    case 90:
      return [0, 1, -1, 0, width, 0];
    case 180:
      return [-1, 0, 0, -1, width, height];
    case 270:
      return [0, -1, 1, 0, 0, height];
    default:
      return [1, 0, 0, 1, 0, 0];
  }
}
