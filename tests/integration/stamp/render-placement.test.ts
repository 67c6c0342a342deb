import { PDFDocument } from '@cantoo/pdf-lib';
import { describe, expect, it } from 'vitest';
import { bestCandidate, findPlacements } from '../../../main/services/pdf/layout/find-placements.ts';
import type { Rect } from '../../../main/services/pdf/placement.ts';
import { createAppearance } from '../../../main/services/pdf/stamp/appearance.ts';
import { attachSignatureWidget } from '../../support/corpus/attach-widget.ts';
import { sealPng, signaturePng } from '../../support/corpus/images.ts';
import { makeDocument } from '../../support/corpus/make-document.ts';
import { countInk, inkAt, pdfToText, renderPage, toPixels, type Raster } from '../../support/corpus/render.ts';

const DPI = 100;

/** Pixels that differ between two renderings of the same page, outside every given box. */
function changedOutside(before: Raster, after: Raster, boxes: readonly ReturnType<typeof toPixels>[]): number {
  let n = 0;
  for (let y = 0; y < after.height; y += 1) {
    for (let x = 0; x < after.width; x += 1) {
      if (boxes.some((b) => x >= b.x0 - 1 && x < b.x1 + 1 && y >= b.y0 - 1 && y < b.y1 + 1)) {
        continue;
      }
      const i = (y * after.width + x) * 4;
      if (
        before.data[i] !== after.data[i] ||
        before.data[i + 1] !== after.data[i + 1] ||
        before.data[i + 2] !== after.data[i + 2]
      ) {
        n += 1;
      }
    }
  }
  return n;
}

describe('rendered ND30 appearances (pdftoppm)', () => {
  it('shows blue strokes in the signature box, the red seal over its left third, nothing elsewhere', async () => {
    const source = await makeDocument();
    const signature = signaturePng(360, 140);
    const seal = sealPng(400, undefined, 282);
    const proposal = await findPlacements(source.bytes, { signaturePng: signature, sealPng: seal });
    const personal = bestCandidate(proposal, 'personal').placement.rect;
    const organization = bestCandidate(proposal, 'organization').placement.rect;

    const doc = await PDFDocument.load(source.bytes);
    const add = async (rect: Rect, role: 'personal' | 'organization', png: Uint8Array, name: string) => {
      const ref = await createAppearance(doc, { role, width: rect.width, height: rect.height, imagePng: png });
      attachSignatureWidget(doc, 0, rect, ref, name);
    };
    await add(personal, 'personal', signature, 'LanhDao');
    await add(organization, 'organization', seal, 'CoQuan');
    const stamped = await doc.save();

    const before = await renderPage(source.bytes, 0, DPI);
    const after = await renderPage(stamped, 0, DPI);
    const height = doc.getPage(0).getHeight();
    const sigBox = toPixels(personal, height, after.scale);
    const sealBox = toPixels(organization, height, after.scale);
    const leftThird = { ...sigBox, x1: sigBox.x0 + Math.round((sigBox.x1 - sigBox.x0) / 3) };
    const rightTwoThirds = { ...sigBox, x0: leftThird.x1 + 1 };

    expect(countInk(after, 'blue', sigBox, true)).toBeGreaterThan(200);
    expect(countInk(after, 'blue', sigBox, false)).toBe(0);
    expect(countInk(after, 'red', leftThird, true)).toBeGreaterThan(20);
    expect(countInk(after, 'red', rightTwoThirds, true)).toBe(0);
    expect(countInk(after, 'red', sealBox, false)).toBe(0);
    expect(changedOutside(before, after, [sigBox, sealBox])).toBe(0);
    // The seal is drawn after the signature, so where both have ink the seal's red wins.
    let redOverBlueArea = 0;
    for (let y = leftThird.y0; y < leftThird.y1; y += 1) {
      for (let x = leftThird.x0; x < leftThird.x1; x += 1) {
        if (inkAt(after, x, y) === 'red') {
          redOverBlueArea += 1;
        }
      }
    }
    expect(redOverBlueArea).toBeGreaterThan(0);
  });

  it('writes the appendix line at the proposed top-right box, readable by pdftotext', async () => {
    const source = await makeDocument();
    const lines = ['Số: 15/QĐ-UBND; 22/11/2026; 14:08:31 +07:00'];
    const proposal = await findPlacements(source.bytes, { appendixLines: lines });
    const rect = bestCandidate(proposal, 'appendix').placement.rect;
    const doc = await PDFDocument.load(source.bytes);
    const ref = await createAppearance(doc, {
      role: 'appendix',
      width: rect.width,
      height: rect.height,
      textLines: lines,
      fontSize: 10,
    });
    attachSignatureWidget(doc, 0, rect, ref, 'PhuLuc');
    const stamped = await doc.save();
    expect(await pdfToText(stamped)).toContain(lines[0]);
    const before = await renderPage(source.bytes, 0, DPI);
    const after = await renderPage(stamped, 0, DPI);
    const box = toPixels(rect, doc.getPage(0).getHeight(), after.scale);
    expect(countInk(after, 'dark', box, true)).toBeGreaterThan(50);
    expect(changedOutside(before, after, [box])).toBe(0);
  });
});
