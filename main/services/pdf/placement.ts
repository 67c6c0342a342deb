/**
 * Shared vocabulary of the signing pipeline: where a signature goes and what it looks like.
 * Produced by pdf/layout (from the page's text) or by the user; consumed by pdf/sign and pdf/stamp.
 * All coordinates are PDF user space of the page (points, origin bottom-left, before /Rotate).
 */
export type SignatureRole = 'personal' | 'organization' | 'appendix' | 'copy';

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface Placement {
  /** 0-based page index. */
  readonly pageIndex: number;
  readonly rect: Rect;
}

/** What the appearance XObject of one signature shows (built by pdf/stamp). */
export interface AppearanceSpec {
  readonly role: SignatureRole;
  /** Size of the widget; the XObject's BBox is [0 0 width height]. */
  readonly width: number;
  readonly height: number;
  /** PNG bytes (signature image for personal, seal image for organization); none for appendix/copy. */
  readonly imagePng?: Uint8Array;
  /** Text lines drawn in the Times-metric font (appendix/copy block, optional house-style text). */
  readonly textLines?: readonly string[];
  /** Font size in points for textLines (ND30: 10 pt for appendix and copy text). */
  readonly fontSize?: number;
  /** Page /Rotate (0, 90, 180, 270) so the appearance reads upright on screen and paper. */
  readonly pageRotation?: number;
}
