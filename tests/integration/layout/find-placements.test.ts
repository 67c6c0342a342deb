import { PDFDocument } from '@cantoo/pdf-lib';
import { describe, expect, it } from 'vitest';
import { normalizeRotation } from '../../../main/domain/nd30/rotation.ts';
import { bestCandidate, findPlacements } from '../../../main/services/pdf/layout/find-placements.ts';
import { visualPageSize } from '../../../main/domain/nd30/geometry.ts';
import { judge, visualRect } from '../../support/corpus/check-placement.ts';
import { pageFrames, viaPdftocairo, withOffsetBoxes } from '../../support/corpus/producers.ts';
import { sealPng, signaturePng } from '../../support/corpus/images.ts';
import { CATALOG } from '../../support/corpus/catalog.ts';
import { makeDocument } from '../../support/corpus/make-document.ts';
import { writeDocument } from '../../support/corpus/write-document.ts';
import type { GeneratedDocument } from '../../support/corpus/spec.ts';

async function frameOf(doc: GeneratedDocument, pageIndex: number) {
  const page = (await PDFDocument.load(doc.bytes)).getPage(pageIndex);
  const { width, height } = page.getMediaBox();
  return { view: [0, 0, width, height] as const, rotation: normalizeRotation(page.getRotation().angle) };
}

function catalogSpec(id: string) {
  const spec = CATALOG.find((s) => s.id === id);
  if (spec === undefined) {
    throw new Error(`no spec ${id}`);
  }
  return spec;
}

describe('findPlacements', () => {
  it('places signature and seal in the KT. block of a Quyết định, with evidence', async () => {
    const doc = await makeDocument();
    const proposal = await findPlacements(doc.bytes);
    const truth = doc.truth.signerBlocks[0];
    if (truth === undefined) {
      throw new Error('no truth');
    }
    expect(judge(proposal, truth, await frameOf(doc, 0))).toEqual({ hit: true, reasons: [] });
    const best = bestCandidate(proposal, 'personal');
    expect(best.evidence).toContain('chức vụ: "PHÓ CHỦ TỊCH"');
    expect(best.evidence).toContain('họ tên: "Nguyễn Thị Loan"');
    expect(best.confidence).toBeGreaterThan(0.9);
  });

  it('finds the block on a later, rotated page and reports the page rotation', async () => {
    const doc = await makeDocument({ rotation: 90, extraParagraphs: 30 });
    const truth = doc.truth.signerBlocks[0];
    if (truth === undefined) {
      throw new Error('no truth');
    }
    expect(truth.pageIndex).toBeGreaterThan(0);
    const proposal = await findPlacements(doc.bytes);
    expect(bestCandidate(proposal, 'personal').pageRotation).toBe(90);
    expect(judge(proposal, truth, await frameOf(doc, truth.pageIndex))).toEqual({ hit: true, reasons: [] });
  });

  it('gives both blocks of a joint document, the named signer first when a name is given', async () => {
    const doc = await writeDocument(catalogSpec('qd-lien-tich-2'));
    const plain = await findPlacements(doc.bytes);
    expect(plain.candidates.personal).toHaveLength(2);
    expect(plain.candidates.organization).toHaveLength(2);
    for (const name of ['Trương Văn Bình', 'Lê Thị Hoa']) {
      const named = await findPlacements(doc.bytes, { signerName: name });
      expect(bestCandidate(named, 'personal').evidence).toContain(`họ tên: "${name}"`);
    }
  });

  it('sizes the seal from the PNG pHYs and the signature from the PNG aspect', async () => {
    const doc = await makeDocument();
    // 400 px at 282 dpi ≈ 36 mm; at 200 dpi ≈ 50.8 mm.
    const proposal = await findPlacements(doc.bytes, {
      sealPng: sealPng(400, undefined, 200),
      signaturePng: signaturePng(400, 100),
    });
    const seal = bestCandidate(proposal, 'organization').placement.rect;
    expect(seal.width).toBeCloseTo((400 * 72) / 200, 0);
    const sig = bestCandidate(proposal, 'personal').placement.rect;
    expect(sig.width / sig.height).toBeCloseTo(4, 1);
  });

  it('grows the organization box downwards for optional house-style text, keeping the seal in place', async () => {
    const doc = await makeDocument();
    const plain = bestCandidate(await findPlacements(doc.bytes), 'organization').placement.rect;
    const lines = ['ỦY BAN NHÂN DÂN TỈNH BẮC NINH', '2026-11-22T14:08:31+07:00'];
    const styled = bestCandidate(await findPlacements(doc.bytes, { organizationText: lines }), 'organization').placement
      .rect;
    expect(styled.y + styled.height).toBeCloseTo(plain.y + plain.height, 6);
    expect(styled.height).toBeCloseTo(plain.height + 2 * 12 + 2, 6);
    expect(styled.x).toBeCloseTo(plain.x, 6);
  });

  it('boxes the number and date fields on page 1 and puts appendix/copy text top right', async () => {
    const doc = await makeDocument();
    const proposal = await findPlacements(doc.bytes);
    const so = proposal.fields.find((f) => f.kind === 'so');
    const ngay = proposal.fields.find((f) => f.kind === 'ngay');
    expect(so?.placement.rect.y).toBeLessThanOrEqual(doc.truth.soLine.y + 1);
    expect(so?.placement.rect.x).toBeGreaterThan(doc.truth.soLine.x);
    expect(ngay?.placement.rect.x).toBeGreaterThan(doc.truth.dateLine.x);
    const appendix = bestCandidate(proposal, 'appendix').placement.rect;
    expect(appendix.x + appendix.width).toBeLessThan(595.28 - 15 * (72 / 25.4) + 0.01);
    expect(appendix.y).toBeGreaterThan(doc.truth.dateLine.y + 40);
  });

  it('boxes the blank between "Số:" and "/" of an unnumbered template, also after pdftocairo', async () => {
    const doc = await makeDocument({
      soKyHieu: '      /QĐ-UBND',
      diaDanhNgay: 'Bắc Ninh, ngày      tháng      năm 2026',
    });
    const line = doc.truth.soLine;
    // "Số: " is about 20 pt and "/QĐ-UBND" about 63 pt wide at 13 pt: the blank lies between.
    for (const bytes of [doc.bytes, await viaPdftocairo(doc.bytes)]) {
      const so = (await findPlacements(bytes)).fields.find((f) => f.kind === 'so')?.placement.rect;
      expect(so?.x).toBeGreaterThan(line.x + 15);
      expect((so?.x ?? 0) + (so?.width ?? 0)).toBeLessThan(line.x + line.width - 60);
      expect(so?.width).toBeGreaterThan(15);
    }
  });

  it('puts the appendix box at the top right of the crop box as the reader sees it, rotated or not', async () => {
    for (const rotation of [0, 90, 270] as const) {
      const bytes = await withOffsetBoxes((await makeDocument({ rotation })).bytes);
      const [frame] = await pageFrames(bytes);
      if (frame === undefined) {
        throw new Error('no page');
      }
      const rect = bestCandidate(await findPlacements(bytes), 'appendix').placement.rect;
      const [x0, y0, x1, y1] = frame.view;
      expect(rect.x).toBeGreaterThanOrEqual(x0);
      expect(rect.y).toBeGreaterThanOrEqual(y0);
      expect(rect.x + rect.width).toBeLessThanOrEqual(x1);
      expect(rect.y + rect.height).toBeLessThanOrEqual(y1);
      const seen = visualRect(frame, rect);
      const page = visualPageSize(frame);
      expect(page.width - (seen.x + seen.width)).toBeCloseTo(15 * (72 / 25.4), 3);
      expect(page.height - (seen.y + seen.height)).toBeCloseTo(6 * (72 / 25.4), 3);
      expect(seen.width).toBeGreaterThan(seen.height);
    }
  });

  it('proposes no signature box (PDF_PLACEMENT_NOT_FOUND) for a page without a signer block, such as a scan', async () => {
    const doc = await PDFDocument.create();
    doc.addPage([595.28, 841.89]).drawText('Scanned page 1', { x: 85, y: 700, size: 13 });
    doc.addPage([595.28, 841.89]);
    const proposal = await findPlacements(await doc.save());
    expect(proposal.candidates.personal).toEqual([]);
    expect(proposal.candidates.organization).toEqual([]);
    expect(() => bestCandidate(proposal, 'personal')).toThrow(
      expect.objectContaining({ code: 'PDF_PLACEMENT_NOT_FOUND' }),
    );
    // The top-right roles never depend on text.
    expect(bestCandidate(proposal, 'copy').placement.pageIndex).toBe(0);
  });

  it('says PDF_MALFORMED for bytes that are not a PDF', async () => {
    await expect(findPlacements(new TextEncoder().encode('not a pdf'))).rejects.toMatchObject({
      code: 'PDF_MALFORMED',
    });
  });
});
