import {
  concatTransformationMatrix,
  drawObject,
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFName,
  PDFNumber,
  PDFRawStream,
  type PDFPage,
  PDFRef,
  popGraphicsState,
  pushGraphicsState,
} from '@cantoo/pdf-lib';
import { signFailure } from './fail.ts';

export interface CopyDocumentOptions {
  /** Pages of the issued document to reproduce (0-based, in order); all when absent (TRÍCH SAO picks). */
  readonly pageIndexes?: readonly number[];
  /** Embed the issued file itself, so its own signatures can still be checked from the copy. */
  readonly attachOriginal: boolean;
  /** File name of the embedded original. */
  readonly originalName: string;
}

/** Annotation flags: Hidden (2) and NoView (32) are not seen, so not copied. */
const UNSEEN = 2 | 32;

/**
 * The electronic copy of an issued (signed) document as a NEW file: each page reproduced as it
 * is seen, with the signature image, seal and number drawn into the page (the form fields and
 * signatures themselves are not carried over, they belong to the original), and the original
 * attached. The copying organization then signs this file. Editing the issued file instead is
 * impossible: its certification (DocMDP P=2) forbids a new signature field.
 */
export async function buildCopyDocument(issued: Uint8Array, options: CopyDocumentOptions): Promise<Uint8Array> {
  let source: PDFDocument;
  try {
    source = await PDFDocument.load(issued, { updateMetadata: false });
  } catch (cause) {
    throw signFailure('PDF_MALFORMED', cause instanceof Error ? cause.message : undefined);
  }
  const count = source.getPageCount();
  const indexes = options.pageIndexes ?? [...Array(count).keys()];
  if (indexes.length === 0 || indexes.some((i) => !Number.isInteger(i) || i < 0 || i >= count)) {
    throw signFailure('INVALID_INPUT', `Trang cần sao phải nằm trong 1–${count}.`);
  }
  for (const index of new Set(indexes)) {
    flattenWidgets(source, source.getPage(index));
  }
  const copy = await PDFDocument.create({ updateMetadata: false });
  copy.setProducer('Văn thư số');
  for (const page of await copy.copyPages(source, [...indexes])) {
    copy.addPage(page);
  }
  if (options.attachOriginal) {
    await copy.attach(issued, options.originalName, {
      mimeType: 'application/pdf',
      description: 'Văn bản gốc (bản điện tử đã ký số)',
    });
  }
  return copy.save({ useObjectStreams: false });
}

/**
 * Draws every visible widget's normal appearance into the page content where a viewer shows
 * it (ISO 32000-1 12.5.5: the form's /Matrix maps its /BBox, which is then fitted to /Rect),
 * and drops the widgets, so the copy shows the signatures without carrying their fields.
 */
function flattenWidgets(doc: PDFDocument, page: PDFPage): void {
  const annots = page.node.lookup(PDFName.of('Annots'));
  if (!(annots instanceof PDFArray)) {
    return;
  }
  const kept: PDFRef[] = [];
  for (const item of annots.asArray()) {
    const annot = item instanceof PDFRef ? doc.context.lookup(item) : item;
    if (!(annot instanceof PDFDict) || annot.lookup(PDFName.of('Subtype')) !== PDFName.of('Widget')) {
      if (item instanceof PDFRef) {
        kept.push(item);
      }
      continue;
    }
    const flags = annot.lookup(PDFName.of('F'));
    const appearance = normalAppearance(doc, annot);
    if ((flags instanceof PDFNumber && (flags.asNumber() & UNSEEN) !== 0) || appearance === undefined) {
      continue;
    }
    const matrix = fitMatrix(doc, appearance.ref, annot);
    if (matrix === undefined) {
      continue;
    }
    const name = page.node.newXObject('Ap', appearance.ref);
    page.pushOperators(
      pushGraphicsState(),
      concatTransformationMatrix(...matrix),
      drawObject(name),
      popGraphicsState(),
    );
  }
  page.node.set(PDFName.of('Annots'), doc.context.obj(kept));
}

function normalAppearance(doc: PDFDocument, annot: PDFDict): { ref: PDFRef } | undefined {
  const ap = annot.lookup(PDFName.of('AP'));
  const n = ap instanceof PDFDict ? ap.get(PDFName.of('N')) : undefined;
  if (n instanceof PDFRef && doc.context.lookup(n) instanceof PDFRawStream) {
    return { ref: n };
  }
  // A dictionary of states (check boxes): the one named by /AS.
  const states = n instanceof PDFRef ? doc.context.lookup(n) : n;
  const as = annot.lookup(PDFName.of('AS'));
  const state = states instanceof PDFDict && as instanceof PDFName ? states.get(as) : undefined;
  return state instanceof PDFRef ? { ref: state } : undefined;
}

type Matrix = [number, number, number, number, number, number];

function numbers(value: unknown, length: number): number[] | undefined {
  if (!(value instanceof PDFArray) || value.size() < length) {
    return undefined;
  }
  const list = value.asArray().map((v) => (v instanceof PDFNumber ? v.asNumber() : Number.NaN));
  return list.every(Number.isFinite) ? list : undefined;
}

/** The matrix fitting the appearance (after its own /Matrix, applied by Do) to the widget's /Rect. */
function fitMatrix(doc: PDFDocument, ref: PDFRef, annot: PDFDict): Matrix | undefined {
  const stream = doc.context.lookup(ref);
  const rect = numbers(annot.lookup(PDFName.of('Rect')), 4);
  if (!(stream instanceof PDFRawStream) || rect === undefined) {
    return undefined;
  }
  const bbox = numbers(stream.dict.lookup(PDFName.of('BBox')), 4);
  if (bbox === undefined) {
    return undefined;
  }
  const [a, b, c, d, e, f] = (numbers(stream.dict.lookup(PDFName.of('Matrix')), 6) ?? [1, 0, 0, 1, 0, 0]) as Matrix;
  const [bx0, by0, bx1, by1] = bbox as [number, number, number, number];
  const corners = [
    [bx0, by0],
    [bx1, by0],
    [bx0, by1],
    [bx1, by1],
  ].map(([x = 0, y = 0]) => [a * x + c * y + e, b * x + d * y + f] as const);
  const tx0 = Math.min(...corners.map(([x]) => x));
  const tx1 = Math.max(...corners.map(([x]) => x));
  const ty0 = Math.min(...corners.map(([, y]) => y));
  const ty1 = Math.max(...corners.map(([, y]) => y));
  const [rx0, ry0, rx1, ry1] = rect as [number, number, number, number];
  if (tx1 - tx0 <= 0 || ty1 - ty0 <= 0) {
    return undefined;
  }
  const sx = Math.abs(rx1 - rx0) / (tx1 - tx0);
  const sy = Math.abs(ry1 - ry0) / (ty1 - ty0);
  return [sx, 0, 0, sy, Math.min(rx0, rx1) - sx * tx0, Math.min(ry0, ry1) - sy * ty0];
}
