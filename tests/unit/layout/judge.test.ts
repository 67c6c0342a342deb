import { describe, expect, it } from 'vitest';
import type { PlacementCandidate, PlacementProposal } from '../../../main/services/pdf/layout/types.ts';
import type { Rect } from '../../../main/services/pdf/placement.ts';
import { judge } from '../../support/corpus/check-placement.ts';

// The corpus hit rate is only worth something if the judge rejects wrong boxes.
const frame = { view: [0, 0, 595.28, 841.89] as const, rotation: 0 as const };
const truth = {
  pageIndex: 0,
  titleLine: { x: 365, y: 401, width: 97, height: 13 },
  nameLine: { x: 365, y: 323, width: 97, height: 13 },
};

function proposal(signature: Rect, seal: Rect): PlacementProposal {
  const c = (role: PlacementCandidate['role'], rect: Rect): PlacementCandidate => ({
    role,
    placement: { pageIndex: 0, rect },
    pageRotation: 0,
    confidence: 1,
    evidence: [],
  });
  return {
    pageCount: 1,
    candidates: {
      personal: [c('personal', signature)],
      organization: [c('organization', seal)],
      appendix: [],
      copy: [],
    },
    fields: [],
  };
}

describe('judge (corpus acceptance rule)', () => {
  const good = { x: 338.5, y: 340, width: 150, height: 58 };
  const goodSeal = { x: 388.5 - 102, y: 318, width: 102, height: 102 };

  it('accepts a box between the lines with the seal on its left third', () => {
    expect(judge(proposal(good, goodSeal), truth, frame).hit).toBe(true);
  });

  it('rejects a box over the title, an off-centre box and a seal on the right', () => {
    expect(judge(proposal({ ...good, y: 360 }, goodSeal), truth, frame).hit).toBe(false);
    expect(judge(proposal({ ...good, x: good.x + 20 }, { ...goodSeal, x: goodSeal.x + 20 }), truth, frame).hit).toBe(
      false,
    );
    expect(judge(proposal(good, { ...goodSeal, x: good.x + 100 }), truth, frame).hit).toBe(false);
  });
});
