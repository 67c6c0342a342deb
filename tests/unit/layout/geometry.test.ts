import { describe, expect, it } from 'vitest';
import {
  personalRect,
  sealRect,
  toUserRect,
  toVisualPoint,
  type PageFrame,
} from '../../../main/domain/nd30/geometry.ts';

describe('ND30 geometry', () => {
  it('centres the signature on the title and keeps it inside the gap', () => {
    const r = personalRect({ centreX: 400, top: 390, bottom: 330, maxWidth: 200 }, 2.5);
    expect(r.x + r.width / 2).toBeCloseTo(400);
    expect(r.y).toBeGreaterThanOrEqual(330);
    expect(r.y + r.height).toBeLessThanOrEqual(390);
  });

  it("puts the seal's right edge on the left third of the signature", () => {
    const signature = { x: 330, y: 330, width: 150, height: 60 };
    const seal = sealRect(signature, { width: 102, height: 102 });
    expect(seal.x + seal.width).toBeCloseTo(signature.x + signature.width / 3);
    expect(seal.y + seal.height / 2).toBeCloseTo(signature.y + signature.height / 2);
  });

  it('maps visual and user space both ways for every /Rotate and a crop box offset', () => {
    for (const rotation of [0, 90, 180, 270] as const) {
      const frame: PageFrame = { view: [10, 20, 852, 615], rotation };
      const user = toUserRect(frame, { x: 100, y: 200, width: 50, height: 10 });
      const a = toVisualPoint(frame, user.x, user.y);
      const b = toVisualPoint(frame, user.x + user.width, user.y + user.height);
      expect([Math.min(a.x, b.x), Math.min(a.y, b.y), Math.abs(a.x - b.x), Math.abs(a.y - b.y)]).toEqual([
        100, 200, 50, 10,
      ]);
    }
  });
});
