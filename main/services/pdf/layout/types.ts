import type { PageRotation } from '../../../domain/nd30/rotation.ts';
import type { Placement, SignatureRole } from '../placement.ts';

/** One proposed place for a signature, with why it was proposed (never a silent guess). */
export interface PlacementCandidate {
  readonly role: SignatureRole;
  readonly placement: Placement;
  /** /Rotate of the page, to pass on as `AppearanceSpec.pageRotation`. */
  readonly pageRotation: PageRotation;
  /** 0..1; below 0.6 the UI should ask the user to check the box. */
  readonly confidence: number;
  readonly evidence: readonly string[];
}

/** Where the văn thư's number (số) and issue date (ngày) are written on page 1. */
export interface FieldCandidate {
  readonly kind: 'so' | 'ngay';
  readonly placement: Placement;
  readonly pageRotation: PageRotation;
  readonly confidence: number;
  readonly evidence: readonly string[];
}

export interface PlacementProposal {
  readonly pageCount: number;
  /** Per role, best first. Joint documents give several personal candidates on one page. */
  readonly candidates: Readonly<Record<SignatureRole, readonly PlacementCandidate[]>>;
  readonly fields: readonly FieldCandidate[];
}

export interface PlacementOptions {
  /** The configured signature PNG: its aspect ratio shapes the personal box. */
  readonly signaturePng?: Uint8Array;
  /** The configured seal PNG: its pHYs gives the real size. */
  readonly sealPng?: Uint8Array;
  /** Seal diameter when the PNG does not carry its physical size (default 36 mm). */
  readonly sealDiameterMm?: number;
  /** Expected signer's name, to pick the right block and raise confidence. */
  readonly signerName?: string;
  /** Text of the appendix and copy blocks (sizes their boxes); ND30 examples used by default. */
  readonly appendixLines?: readonly string[];
  readonly copyLines?: readonly string[];
  /**
   * House-style text under the seal (organization name, ISO 8601 time); off when absent. Pass
   * the same lines as `AppearanceSpec.textLines` so the image keeps its real size.
   */
  readonly organizationText?: readonly string[];
  /** Font size of the appendix/copy text; ND30 says 10 pt. */
  readonly fontSize?: number;
}
