import { describe, expect, it } from 'vitest';
import { boxFromPointer, centredBox, CLICK_BOX, nudged } from '../../renderer/features/outgoing/field-box.ts';

const A4 = { width: 595.28, height: 841.89 };

describe('a field box drawn on the draft preview', () => {
  it('is the rectangle dragged, in page points, whichever way the drag went', () => {
    // 520 px show 595.28 pt, so one pixel is 1.1448 pt.
    const ppp = A4.width / 520;
    const box = boxFromPointer('ngay', { x: 490, y: 120 }, { x: 290, y: 100 }, ppp, A4);
    expect(box.x).toBeCloseTo(290 * ppp, 6);
    expect(box.y).toBeCloseTo(100 * ppp, 6);
    expect(box.width).toBeCloseTo(200 * ppp, 6);
    expect(box.height).toBeCloseTo(20 * ppp, 6);
  });

  it('is the kind’s usual box from a click, starting at the click and centred on its line', () => {
    const box = boxFromPointer('so', { x: 100, y: 200 }, { x: 101, y: 201 }, 1, A4);
    expect(box).toEqual({ x: 100, y: 200 - CLICK_BOX.so.height / 2, ...CLICK_BOX.so });
  });

  it('stays on the page near its edge, and arrow keys move it without leaving the page', () => {
    const box = boxFromPointer('ngay', { x: 590, y: 2 }, { x: 590, y: 2 }, 1, A4);
    expect(box.x + box.width).toBeLessThanOrEqual(A4.width);
    expect(box.y).toBe(0);
    expect(nudged(box, 'ArrowUp', true, A4)?.y).toBe(0);
    expect(nudged(box, 'ArrowLeft', false, A4)?.x).toBeCloseTo(box.x - 2, 6);
    expect(nudged(box, 'a', false, A4)).toBeNull();
    expect(centredBox('ngay', A4).x).toBeCloseTo((A4.width - CLICK_BOX.ngay.width) / 2, 6);
  });
});
