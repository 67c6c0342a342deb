import { toVisualPoint, type PageFrame } from '../../../main/domain/nd30/geometry.ts';
import type { Rect } from '../../../main/services/pdf/placement.ts';
import type { PlacementProposal } from '../../../main/services/pdf/layout/types.ts';
import type { SignerBlockTruth } from './spec.ts';

const MM = 72 / 25.4;

/** A rectangle seen in the reader's frame (so rotated pages are judged like upright ones). */
export function visualRect(frame: PageFrame, r: Rect): Rect {
  const a = toVisualPoint(frame, r.x, r.y);
  const b = toVisualPoint(frame, r.x + r.width, r.y + r.height);
  return { x: Math.min(a.x, b.x), y: Math.min(a.y, b.y), width: Math.abs(a.x - b.x), height: Math.abs(a.y - b.y) };
}

export interface Verdict {
  readonly hit: boolean;
  readonly reasons: readonly string[];
}

/**
 * The acceptance rule for one signer block: the signature box lies between the title
 * (chức vụ) line and the name line, its centre within 5 mm of the title's centre, and the seal
 * overlaps the left third of the signature.
 */
export function judge(proposal: PlacementProposal, truth: SignerBlockTruth, frame: PageFrame): Verdict {
  const reasons: string[] = [];
  const title = visualRect(frame, truth.titleLine);
  const name = visualRect(frame, truth.nameLine);
  const titleCentre = title.x + title.width / 2;
  const index = proposal.candidates.personal.findIndex((c) => {
    if (c.placement.pageIndex !== truth.pageIndex) {
      return false;
    }
    const r = visualRect(frame, c.placement.rect);
    return Math.abs(r.x + r.width / 2 - titleCentre) <= 5 * MM;
  });
  const personal = proposal.candidates.personal[index];
  const seal = proposal.candidates.organization[index];
  if (personal === undefined || seal === undefined) {
    return { hit: false, reasons: ['no signature box centred on the title'] };
  }
  const sig = visualRect(frame, personal.placement.rect);
  const tolerance = 0.5;
  if (sig.y + sig.height > title.y + tolerance) {
    reasons.push(`signature top ${sig.y + sig.height} above title bottom ${title.y}`);
  }
  if (sig.y < name.y + name.height - tolerance) {
    reasons.push(`signature bottom ${sig.y} below name top ${name.y + name.height}`);
  }
  const s = visualRect(frame, seal.placement.rect);
  const third = { x0: sig.x, x1: sig.x + sig.width / 3, y0: sig.y, y1: sig.y + sig.height };
  const overlapX = Math.min(s.x + s.width, third.x1) - Math.max(s.x, third.x0);
  const overlapY = Math.min(s.y + s.height, third.y1) - Math.max(s.y, third.y0);
  if (!(overlapX > 0.5 * (third.x1 - third.x0) && overlapY > 0)) {
    reasons.push('seal does not cover the left third');
  }
  if (s.x + s.width > sig.x + sig.width / 2) {
    reasons.push('seal reaches past the middle of the signature');
  }
  return { hit: reasons.length === 0, reasons };
}
