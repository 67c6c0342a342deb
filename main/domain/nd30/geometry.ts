import type { Rect } from './rect.ts';
import { uprightMatrix, type PageRotation } from './rotation.ts';

/**
 * ND30 Phụ lục I geometry, in the reader's (visual) frame of a page: origin at the bottom-left
 * of the crop box as displayed, y up. `toUserSpace` maps results back for the PDF writer.
 */
export const POINTS_PER_MM = 72 / 25.4;

/** Typical aspect (width / height) of a signature image when none is configured. */
export const DEFAULT_SIGNATURE_ASPECT = 2.5;
/** A provincial People's Committee seal is about 35–36 mm across. */
export const DEFAULT_SEAL_DIAMETER_MM = 36;

export interface SignatureGap {
  /** Centre of the chức vụ line, where the signature is centred. */
  readonly centreX: number;
  /** Bottom of the chức vụ line and top of the name line. */
  readonly top: number;
  readonly bottom: number;
  /** Widest the signature may be (the block's column). */
  readonly maxWidth: number;
}

/** Personal signature: centred on the title, filling the gap between title and name (ô 7c). */
export function personalRect(gap: SignatureGap, aspect: number = DEFAULT_SIGNATURE_ASPECT): Rect {
  const margin = 2;
  let height = Math.max(10, gap.top - gap.bottom - 2 * margin);
  let width = height * aspect;
  if (width > gap.maxWidth) {
    width = gap.maxWidth;
    height = width / aspect;
  }
  const midY = (gap.top + gap.bottom) / 2;
  return { x: gap.centreX - width / 2, y: midY - height / 2, width, height };
}

/**
 * Organization seal (ô 8): real size, its right part covering about the left third of the
 * signature image; vertically centred on the signature.
 */
export function sealRect(signature: Rect, diameter: { width: number; height: number }): Rect {
  const right = signature.x + signature.width / 3;
  const midY = signature.y + signature.height / 2;
  return { x: right - diameter.width, y: midY - diameter.height / 2, width: diameter.width, height: diameter.height };
}

/**
 * Appendix and copy text (ND30 I.II.8.b, Phần II I.3): top right of page 1. It sits in the
 * top margin, right-aligned with the 15–20 mm right margin, so it never covers the Quốc hiệu.
 */
export function topRightRect(page: { width: number; height: number }, text: { width: number; height: number }): Rect {
  const right = page.width - 15 * POINTS_PER_MM;
  const top = page.height - 6 * POINTS_PER_MM;
  return { x: right - text.width, y: top - text.height, width: text.width, height: text.height };
}

/** Size in points of a PNG printed at its own resolution. */
export function printedSize(pixels: { width: number; height: number }, dpi: number): { width: number; height: number } {
  return { width: (pixels.width * 72) / dpi, height: (pixels.height * 72) / dpi };
}

export interface PageFrame {
  /** Crop box in user space [x0 y0 x1 y1]. */
  readonly view: readonly [number, number, number, number];
  readonly rotation: PageRotation;
}

export function visualPageSize(frame: PageFrame): { width: number; height: number } {
  const w = frame.view[2] - frame.view[0];
  const h = frame.view[3] - frame.view[1];
  return frame.rotation === 90 || frame.rotation === 270 ? { width: h, height: w } : { width: w, height: h };
}

/** User space → visual frame (for text item positions). */
export function toVisualPoint(frame: PageFrame, x: number, y: number): { x: number; y: number } {
  const [a, b, c, d, e, f] = uprightMatrix(
    frame.view[2] - frame.view[0],
    frame.view[3] - frame.view[1],
    frame.rotation,
  );
  const qx = x - frame.view[0] - e;
  const qy = y - frame.view[1] - f;
  // The matrix is a rotation plus a translation, so its inverse is its transpose.
  return { x: a * qx + b * qy, y: c * qx + d * qy };
}

/** Visual frame → user space (for the rectangles handed to the PDF writer). */
export function toUserRect(frame: PageFrame, r: Rect): Rect {
  const [a, b, c, d, e, f] = uprightMatrix(
    frame.view[2] - frame.view[0],
    frame.view[3] - frame.view[1],
    frame.rotation,
  );
  const corners = [
    [r.x, r.y],
    [r.x + r.width, r.y + r.height],
  ] as const;
  const xs = corners.map(([u, v]) => a * u + c * v + e + frame.view[0]);
  const ys = corners.map(([u, v]) => b * u + d * v + f + frame.view[1]);
  const x = Math.min(...xs);
  const y = Math.min(...ys);
  return { x, y, width: Math.max(...xs) - x, height: Math.max(...ys) - y };
}
