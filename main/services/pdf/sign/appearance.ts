import { type PDFDocument, type PDFRef } from '@cantoo/pdf-lib';
import type { AppearanceSpec } from '../placement.ts';

/**
 * Builds the normal appearance (a form XObject) of a widget. pdf/stamp provides the real one
 * (images and Vietnamese text); the sign engine only depends on this shape.
 */
export type AppearanceFactory = (doc: PDFDocument, spec: AppearanceSpec) => Promise<PDFRef>;

/** A blank appearance: keeps the widget well-formed when nothing is to be drawn (invisible fields). */
export async function blankAppearance(doc: PDFDocument, spec: AppearanceSpec): Promise<PDFRef> {
  const stream = doc.context.stream('', {
    Type: 'XObject',
    Subtype: 'Form',
    BBox: [0, 0, spec.width, spec.height],
    Resources: {},
  });
  return doc.context.register(stream);
}
