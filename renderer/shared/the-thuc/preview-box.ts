/** A finding's rectangle as the checker gives it: points, top-left origin of the displayed page. */
export interface PointBox {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface PixelBox {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

/**
 * Where to draw a finding over a page preview `displayWidth` CSS pixels wide. The checker has
 * already turned PDF user space into the displayed page (crop box origin, /Rotate), the frame
 * main renders the preview in, so only the scale remains; the box is kept on the page.
 */
export function previewBox(box: PointBox, page: { width: number; height: number }, displayWidth: number): PixelBox {
  const scale = displayWidth / page.width;
  const x0 = Math.max(0, box.x);
  const y0 = Math.max(0, box.y);
  const x1 = Math.min(page.width, box.x + box.width);
  const y1 = Math.min(page.height, box.y + box.height);
  return {
    left: x0 * scale,
    top: y0 * scale,
    width: Math.max(0, x1 - x0) * scale,
    height: Math.max(0, y1 - y0) * scale,
  };
}
