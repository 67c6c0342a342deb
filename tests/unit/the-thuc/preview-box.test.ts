import { describe, expect, it } from 'vitest';
import { toVisualPoint, visualPageSize, type PageFrame } from '../../../main/domain/nd30/geometry.ts';
import type { PageRotation } from '../../../main/domain/nd30/rotation.ts';
import { rebuildLines } from '../../../main/domain/nd30/text-lines.ts';
import type { DraftPage } from '../../../main/services/the-thuc/model.ts';
import { boxOf } from '../../../main/services/the-thuc/rule.ts';
import { previewBox } from '../../../renderer/shared/the-thuc/preview-box.ts';

/** A crop box away from the origin, as scanners and imposition tools leave it. */
const VIEW = [30, 40, 30 + 595, 40 + 842] as const;
const W = 595;
const H = 842;
const SIZE = 13;
/** The baseline start of a line, in the page's user space (PDF points), 300 and 500 into the crop box. */
const QX = 300;
const QY = 500;

/**
 * Where a reader shows that user-space point, top-left origin, worked out by hand for each
 * /Rotate (clockwise): 90° puts user y across and user x down, and so on.
 */
const SHOWN: Record<PageRotation, { x: number; y: number }> = {
  0: { x: QX, y: H - QY },
  90: { x: QY, y: QX },
  180: { x: W - QX, y: QY },
  270: { x: H - QY, y: W - QX },
};

/** The checker's path: item origin to the visual frame (read-draft), line, box (rule.ts). */
function findingBox(rotation: PageRotation) {
  const frame: PageFrame = { view: VIEW, rotation };
  const origin = toVisualPoint(frame, VIEW[0] + QX, VIEW[1] + QY);
  const [line] = rebuildLines([
    { str: 'Độc lập - Tự do - Hạnh phúc', x: origin.x, y: origin.y, width: 150, size: SIZE },
  ]);
  const size = visualPageSize(frame);
  const page: DraftPage = { pageIndex: 0, ...size, items: [], lines: [], rules: [] };
  if (line === undefined) {
    throw new Error('no line');
  }
  return { box: boxOf(page, line), page: size };
}

describe('a thể thức finding drawn over the page preview: PDF points, crop box, rotation → pixels (#21)', () => {
  for (const rotation of [0, 90, 180, 270] as const) {
    it(`/Rotate ${rotation}: the box sits on the line's baseline, scaled to the preview`, () => {
      const { box, page } = findingBox(rotation);
      // A preview half as wide as the page in points.
      const displayWidth = page.width / 2;
      const px = previewBox(box, page, displayWidth);
      const shown = SHOWN[rotation];
      expect(px.left).toBeCloseTo(shown.x / 2, 6);
      // The box's top is a cap height above the baseline; its bottom just under it.
      expect(px.top).toBeCloseTo((shown.y - 0.9 * SIZE) / 2, 6);
      expect(px.top + px.height).toBeGreaterThan(shown.y / 2);
      expect(px.width).toBeCloseTo(150 / 2, 6);
      expect(page).toEqual(rotation % 180 === 0 ? { width: W, height: H } : { width: H, height: W });
    });
  }

  it('keeps a box that runs off the page on the page', () => {
    expect(previewBox({ x: -10, y: 830, width: 100, height: 30 }, { width: 595, height: 842 }, 595)).toEqual({
      left: 0,
      top: 830,
      width: 90,
      height: 12,
    });
  });
});
