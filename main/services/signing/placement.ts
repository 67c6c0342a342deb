import type { z } from 'zod';
import type { SigningPlacementSchema } from '../../../preload/contract/signing.ts';
import { bestCandidate, findPlacements } from '../pdf/layout/find-placements.ts';
import type { PlacementOptions } from '../pdf/layout/types.ts';
import type { Placement, SignatureRole } from '../pdf/placement.ts';
import { findField } from '../pdf/sign/form.ts';
import { Increment } from '../pdf/sign/increment.ts';

export type SigningPlacement = z.output<typeof SigningPlacementSchema>;

export interface Where {
  readonly placement?: Placement;
  readonly pageRotation?: number;
}

/**
 * Where a signature goes: the box the caller placed; else the empty field prepare made for it
 * (nothing to choose, the engine signs into it); else the layout module's ND30 proposal, sized
 * with the same images and text the appearance will draw.
 */
export async function resolvePlacement(
  bytes: Uint8Array,
  role: SignatureRole,
  fieldName: string,
  requested: SigningPlacement | undefined,
  layout: PlacementOptions,
): Promise<Where> {
  if (requested !== undefined && requested !== 'auto') {
    return { placement: requested };
  }
  if (requested === undefined && findField(await Increment.open(bytes), fieldName) !== undefined) {
    return {};
  }
  const best = bestCandidate(await findPlacements(bytes, layout), role);
  return { placement: best.placement, pageRotation: best.pageRotation };
}
