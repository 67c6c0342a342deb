import { PDFDict, PDFDocument, PDFName, PDFArray, type PDFNumber, PDFRawStream } from '@cantoo/pdf-lib';
import type { PDFRef } from '@cantoo/pdf-lib';
import { describe, expect, it } from 'vitest';
import { createAppearance } from '../../../main/services/pdf/stamp/appearance.ts';
import { attachSignatureWidget } from '../../support/corpus/attach-widget.ts';
import { sealPng, signaturePng } from '../../support/corpus/images.ts';
import { makeDocument } from '../../support/corpus/make-document.ts';
import { countInk, inkBounds, pdfToText, renderPage, toPixels } from '../../support/corpus/render.ts';

function lookupDict(doc: PDFDocument, ref: PDFRef): PDFDict {
  const obj = doc.context.lookup(ref);
  if (obj instanceof PDFRawStream || (obj !== undefined && 'dict' in obj)) {
    return (obj as { dict: PDFDict }).dict;
  }
  throw new Error('not a stream');
}

function fontNames(doc: PDFDocument, xobject: PDFRef): string[] {
  const fonts = lookupDict(doc, xobject).lookup(PDFName.of('Resources'), PDFDict).lookup(PDFName.of('Font'), PDFDict);
  return fonts
    .values()
    .map((ref) => doc.context.lookup(ref, PDFDict).lookup(PDFName.of('BaseFont'), PDFName).decodeText());
}

describe('createAppearance', () => {
  it('builds a form XObject with BBox [0 0 w h] and the PNG alpha kept as an SMask, without touching pages', async () => {
    const doc = await PDFDocument.load((await makeDocument()).bytes);
    const pageDictBefore = doc.getPage(0).node.toString();
    const ref = await createAppearance(doc, { role: 'personal', width: 150, height: 60, imagePng: signaturePng() });

    const dict = lookupDict(doc, ref);
    expect(dict.lookup(PDFName.of('Subtype'), PDFName).decodeText()).toBe('Form');
    const bbox = dict
      .lookup(PDFName.of('BBox'), PDFArray)
      .asArray()
      .map((n) => (n as PDFNumber).asNumber());
    expect(bbox).toEqual([0, 0, 150, 60]);
    const image = dict.lookup(PDFName.of('Resources'), PDFDict).lookup(PDFName.of('XObject'), PDFDict);
    const imageDict = lookupDict(doc, image.values()[0] as PDFRef);
    expect(imageDict.get(PDFName.of('SMask'))).toBeDefined();
    expect(doc.getPage(0).node.toString()).toBe(pageDictBefore);
  });

  it('names every font subset uniquely (P9) and writes NFC text that pdftotext reads back', async () => {
    const doc = await PDFDocument.load((await makeDocument()).bytes);
    const nfd = 'Số: 15/QĐ-UBND; 22/11/2026; 14:08:31 +07:00'.normalize('NFD');
    const a = await createAppearance(doc, { role: 'appendix', width: 220, height: 16, textLines: [nfd], fontSize: 10 });
    const b = await createAppearance(doc, {
      role: 'copy',
      width: 220,
      height: 16,
      textLines: ['SAO Y; ỦY BAN NHÂN DÂN TỈNH BẮC NINH'],
    });
    const [nameA] = fontNames(doc, a);
    const [nameB] = fontNames(doc, b);
    expect(nameA).toMatch(/^[A-Z]{6}\+LiberationSerif$/);
    expect(nameB).toMatch(/^[A-Z]{6}\+LiberationSerif$/);
    expect(nameA).not.toBe(nameB);

    attachSignatureWidget(doc, 0, { x: 330, y: 815, width: 220, height: 14 }, a, 'PhuLuc');
    attachSignatureWidget(doc, 0, { x: 330, y: 798, width: 220, height: 14 }, b, 'BanSao');
    const text = await pdfToText(await doc.save());
    expect(text).toContain('Số: 15/QĐ-UBND; 22/11/2026; 14:08:31 +07:00'.normalize('NFC'));
    expect(text).toContain('SAO Y; ỦY BAN NHÂN DÂN TỈNH BẮC NINH');
  });

  it('draws the signature inside its box only', async () => {
    const doc = await PDFDocument.load((await makeDocument()).bytes);
    const rect = { x: 350, y: 340, width: 130, height: 55 };
    const ref = await createAppearance(doc, {
      role: 'personal',
      width: rect.width,
      height: rect.height,
      imagePng: signaturePng(),
    });
    attachSignatureWidget(doc, 0, rect, ref, 'CaNhan');
    const raster = await renderPage(await doc.save(), 0, 72);
    const box = toPixels(rect, doc.getPage(0).getHeight(), raster.scale);
    expect(countInk(raster, 'blue', box, true)).toBeGreaterThan(300);
    expect(countInk(raster, 'blue', box, false)).toBe(0);
  });

  it('draws house-style text under the seal, the seal keeping the top of the box', async () => {
    const doc = await PDFDocument.load((await makeDocument()).bytes);
    const lines = ['ỦY BAN NHÂN DÂN TỈNH BẮC NINH', '2026-11-22T14:08:31+07:00'];
    const rect = { x: 250, y: 300, width: 102, height: 102 + 26 };
    const ref = await createAppearance(doc, {
      role: 'organization',
      width: rect.width,
      height: rect.height,
      imagePng: sealPng(400),
      textLines: lines,
      fontSize: 10,
    });
    attachSignatureWidget(doc, 0, rect, ref, 'CoQuan');
    const stamped = await doc.save();
    const text = await pdfToText(stamped);
    for (const line of lines) {
      expect(text).toContain(line);
    }
    const raster = await renderPage(stamped, 0, 72);
    const seal = toPixels({ ...rect, y: rect.y + 26, height: 102 }, doc.getPage(0).getHeight(), raster.scale);
    expect(countInk(raster, 'red', seal, true)).toBeGreaterThan(300);
    expect(countInk(raster, 'red', seal, false)).toBe(0);
  });

  it('turns the content with the page so a wide signature stays wide on a /Rotate 90 page', async () => {
    const doc = await PDFDocument.load((await makeDocument({ rotation: 90 })).bytes);
    // On a page shown turned 90°, a box that looks 150 wide × 60 high is 60 × 150 in user space.
    const rect = { x: 300, y: 350, width: 60, height: 150 };
    const ref = await createAppearance(doc, {
      role: 'personal',
      width: rect.width,
      height: rect.height,
      imagePng: signaturePng(300, 120),
      pageRotation: 90,
    });
    attachSignatureWidget(doc, 0, rect, ref, 'CaNhan');
    const raster = await renderPage(await doc.save(), 0, 72);
    const bounds = inkBounds(raster, 'blue');
    expect(bounds).toBeDefined();
    if (bounds === undefined) {
      return;
    }
    expect(bounds.x1 - bounds.x0).toBeGreaterThan(2 * (bounds.y1 - bounds.y0));
  });
});
