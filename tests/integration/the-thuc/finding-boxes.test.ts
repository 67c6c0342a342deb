import { describe, expect, it } from 'vitest';
import { checkTheThuc } from '../../../main/services/the-thuc/check.ts';
import { readDraft } from '../../../main/services/the-thuc/read-draft.ts';
import { previewBox } from '../../../renderer/shared/the-thuc/preview-box.ts';
import { makeDocument } from '../../support/corpus/make-document.ts';
import { withOffsetBoxes } from '../../support/corpus/producers.ts';
import { PNG } from 'pngjs';
import { createPopplerRenderer } from '../../../main/services/pdf/layout/page-renderer.ts';
import { inkAt, type Raster } from '../../support/corpus/render.ts';

/** The page as the app's preview renders it (theThuc.page, issuing.placement). */
async function appPreview(bytes: Uint8Array): Promise<Raster> {
  const png = await createPopplerRenderer().render(bytes, 0, 96);
  if (png === null) {
    throw new Error('pdftoppm is not installed');
  }
  const image = PNG.sync.read(Buffer.from(png));
  return { width: image.width, height: image.height, data: image.data, scale: 96 / 72 };
}

/**
 * The preview's boxes against the page the app's preview renderer draws (crop box and /Rotate
 * applied by pdftoppm, not by our code): the box of the seeded defect "no rule under the tiêu ngữ" must
 * cover the tiêu ngữ's ink, on an offset crop box and every /Rotate (#21 point 1).
 */
describe('thể thức findings land on their text in the rendered page', () => {
  for (const rotation of [0, 90, 180, 270] as const) {
    it(`/Rotate ${rotation} with an offset crop box`, async () => {
      const bytes = await withOffsetBoxes((await makeDocument({ rotation })).bytes);
      const report = await checkTheThuc(bytes);
      const finding = report.findings.find((f) => f.rule === 'tieu-ngu-gach');
      expect(finding?.box).toBeDefined();
      const [page] = await readDraft(bytes);
      const raster = await appPreview(bytes);
      if (finding?.box === undefined || page === undefined) {
        return;
      }
      // The preview is the rendered page at its own pixel width.
      expect(raster.width / raster.height).toBeCloseTo(page.width / page.height, 2);
      const px = previewBox(finding.box, page, raster.width);
      let ink = 0;
      let total = 0;
      for (let y = Math.floor(px.top); y < Math.ceil(px.top + px.height); y += 1) {
        for (let x = Math.floor(px.left); x < Math.ceil(px.left + px.width); x += 1) {
          total += 1;
          ink += inkAt(raster, x, y) === 'dark' ? 1 : 0;
        }
      }
      // Bold 13 pt text fills a good part of its line box; a box off by a turn would be blank.
      expect(total).toBeGreaterThan(100);
      expect(ink / total).toBeGreaterThan(0.08);
    });
  }
});
