import { type PDFDocument, PDFName, PDFHexString } from '@cantoo/pdf-lib';
import type { PDFRef } from '@cantoo/pdf-lib';
import type { Rect } from '../../../main/services/pdf/placement.ts';

/**
 * Puts an appearance XObject on a page inside an empty signature widget of an unsigned
 * document, so rendering tests can look at it without a signing engine.
 */
export function attachSignatureWidget(
  doc: PDFDocument,
  pageIndex: number,
  rect: Rect,
  appearance: PDFRef,
  name: string,
): void {
  const page = doc.getPage(pageIndex);
  const widget = doc.context.register(
    doc.context.obj({
      Type: 'Annot',
      Subtype: 'Widget',
      FT: 'Sig',
      T: PDFHexString.fromText(name),
      F: 4,
      Rect: [rect.x, rect.y, rect.x + rect.width, rect.y + rect.height],
      P: page.ref,
      AP: { N: appearance },
    }),
  );
  page.node.addAnnot(widget);
  const acroForm = doc.catalog.getOrCreateAcroForm();
  acroForm.addField(widget);
  acroForm.dict.set(PDFName.of('SigFlags'), doc.context.obj(1));
}
