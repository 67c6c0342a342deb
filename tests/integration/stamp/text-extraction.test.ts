import { PDFDocument, drawObject, popGraphicsState, pushGraphicsState, translate } from '@cantoo/pdf-lib';
import { describe, expect, it } from 'vitest';
import { openPdf, readPageText } from '../../../main/services/pdf/layout/page-text.ts';
import { createAppearance } from '../../../main/services/pdf/stamp/appearance.ts';
import { rebuildLines } from '../../../main/domain/nd30/text-lines.ts';
import { pdfToText } from '../../support/corpus/render.ts';

const LINES = ['SAO Y; ỦY BAN NHÂN DÂN TỈNH BẮC NINH', '22/11/2026; 14:08:31 +07:00', 'Nguyễn Văn Ổn, Đặng Thị Ửng'];

/**
 * pdfjs does not extract text from annotation appearances, so the XObject is painted into a
 * page's content here: what pdfjs reads is then exactly what the appearance's font maps to.
 */
async function paintedOnPage(rotation: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([595.28, 841.89]);
  const ref = await createAppearance(doc, {
    role: 'copy',
    width: 260,
    height: 60,
    textLines: LINES.map((l) => l.normalize('NFD')),
    fontSize: 10,
    pageRotation: rotation,
  });
  const name = page.node.newXObject('Ap', ref);
  page.pushOperators(pushGraphicsState(), translate(300, 700), drawObject(name), popGraphicsState());
  return doc.save();
}

describe('Vietnamese text in appearances', () => {
  it('reads back in NFC with pdfjs', async () => {
    const pdf = await openPdf(await paintedOnPage(0));
    const page = await readPageText(pdf, 0);
    expect(rebuildLines(page.items).map((l) => l.text)).toEqual(LINES);
    await pdf.loadingTask.destroy();
  });

  it('reads back with pdftotext', async () => {
    const text = await pdfToText(await paintedOnPage(0));
    for (const line of LINES) {
      expect(text).toContain(line);
    }
  });
});
