/** A rectangle in points; structurally the same as `Rect` of the PDF placement vocabulary. */
export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}
