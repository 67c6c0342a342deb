import {
  beginText,
  concatTransformationMatrix,
  drawObject,
  endText,
  moveText,
  popGraphicsState,
  pushGraphicsState,
  setFillingGrayscaleColor,
  setFontAndSize,
  showText,
} from '@cantoo/pdf-lib';
import type { PDFDocument, PDFFont, PDFImage, PDFOperator, PDFRef } from '@cantoo/pdf-lib';
import { errorMessageVi } from '../../../../preload/contract/error-messages.vi.ts';
import { VanthuError } from '../../../../preload/contract/vanthu-error.ts';
import { normalizeRotation, uprightMatrix, visualSize } from '../../../domain/nd30/rotation.ts';
import type { AppearanceSpec } from '../placement.ts';
import { embedVnFont } from './font.ts';
import { embedPngNative, type EmbeddedImage } from './png-embed.ts';

/** ND30 asks for 10 pt for the appendix and copy text; also the default for house-style text. */
export const DEFAULT_FONT_SIZE = 10;
const MIN_FONT_SIZE = 6;
const LINE_FACTOR = 1.2;
const PADDING = 1;

interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/**
 * Builds the appearance of one signature as a form XObject (BBox [0 0 width height]) and
 * returns its reference. It only adds new objects: pages are never touched, because the
 * signing engine attaches it in an incremental update after earlier signatures (P2, P4).
 * The image keeps its alpha as an SMask (pdf-lib's PNG embedder); text is drawn in a fresh,
 * uniquely named subset of Liberation Serif, NFC-normalised (P8, P9).
 */
export async function createAppearance(doc: PDFDocument, spec: AppearanceSpec): Promise<PDFRef> {
  assertSize(spec.width, spec.height);
  const rotation = normalizeRotation(spec.pageRotation);
  const visual = visualSize(spec.width, spec.height, rotation);
  const lines = (spec.textLines ?? []).map((l) => l.normalize('NFC')).filter((l) => l.length > 0);

  const ops: PDFOperator[] = [
    pushGraphicsState(),
    concatTransformationMatrix(...uprightMatrix(spec.width, spec.height, rotation)),
  ];
  const resources: { XObject?: Record<string, PDFRef>; Font?: Record<string, PDFRef> } = {};

  let imageArea: Box = { x: 0, y: 0, width: visual.width, height: visual.height };
  if (lines.length > 0) {
    const font = await embedVnFont(doc, 'regular');
    const textHeight = drawTextBlock(
      ops,
      font,
      lines,
      spec.fontSize ?? DEFAULT_FONT_SIZE,
      visual,
      spec.imagePng !== undefined,
    );
    resources.Font = { F1: font.ref };
    // With both image and text, the image gets what the text leaves free above it.
    imageArea = { x: 0, y: textHeight, width: visual.width, height: Math.max(0, visual.height - textHeight) };
    await font.embed();
  }
  if (spec.imagePng !== undefined && imageArea.height > 0) {
    const image = await embedImage(doc, spec.imagePng);
    drawImageFit(ops, image, imageArea, lines.length > 0);
    resources.XObject = { Im1: image.ref };
  }
  ops.push(popGraphicsState());

  const stream = doc.context.formXObject(ops, {
    BBox: [0, 0, spec.width, spec.height],
    Resources: resources,
  });
  return doc.context.register(stream);
}

function assertSize(width: number, height: number): void {
  if (!(Number.isFinite(width) && Number.isFinite(height) && width > 0 && height > 0)) {
    throw new VanthuError('INVALID_INPUT', errorMessageVi('INVALID_INPUT', 'Kích thước khung chữ ký không hợp lệ.'), {
      details: { width, height },
    });
  }
}

async function embedImage(doc: PDFDocument, png: Uint8Array): Promise<EmbeddedImage> {
  const native = embedPngNative(doc, png);
  if (native !== null) {
    return native;
  }
  try {
    const image: PDFImage = await doc.embedPng(png);
    await image.embed();
    return { ref: image.ref, width: image.width, height: image.height };
  } catch (cause) {
    throw new VanthuError('IMAGE_INVALID', errorMessageVi('IMAGE_INVALID', 'Không đọc được ảnh PNG.'), { cause });
  }
}

/**
 * Scales the image to fit the area, keeping its aspect ratio, centred. With text below it the
 * image keeps to the top, so a seal stays where the placement put it even if the text shrank.
 */
function drawImageFit(ops: PDFOperator[], image: EmbeddedImage, area: Box, alignTop: boolean): void {
  const scale = Math.min(area.width / image.width, area.height / image.height);
  const w = image.width * scale;
  const h = image.height * scale;
  const x = area.x + (area.width - w) / 2;
  const y = alignTop ? area.y + area.height - h : area.y + (area.height - h) / 2;
  ops.push(pushGraphicsState(), concatTransformationMatrix(w, 0, 0, h, x, y), drawObject('Im1'), popGraphicsState());
}

/**
 * Left-aligned black lines. With no image they start at the top of the box; under an image
 * they sit at the bottom. The size shrinks (not below 6 pt) until the widest line fits.
 * Returns the height used.
 */
function drawTextBlock(
  ops: PDFOperator[],
  font: PDFFont,
  lines: readonly string[],
  requestedSize: number,
  visual: { width: number; height: number },
  atBottom: boolean,
): number {
  const available = visual.width - 2 * PADDING;
  const widest = Math.max(...lines.map((l) => font.widthOfTextAtSize(l, requestedSize)));
  const byWidth = widest > available ? (requestedSize * available) / widest : requestedSize;
  const byHeight = (visual.height - 2 * PADDING) / (lines.length * LINE_FACTOR);
  const size = Math.max(MIN_FONT_SIZE, Math.min(byWidth, byHeight, requestedSize));
  const leading = size * LINE_FACTOR;
  const used = lines.length * leading + 2 * PADDING;
  const top = atBottom ? used : visual.height;
  const ascent = font.heightAtSize(size, { descender: false });

  ops.push(beginText(), setFillingGrayscaleColor(0), setFontAndSize('F1', size));
  let y = top - PADDING - ascent;
  let previousY = 0;
  for (const [index, line] of lines.entries()) {
    ops.push(moveText(index === 0 ? PADDING : 0, y - previousY), showText(font.encodeText(line)));
    previousY = y;
    y -= leading;
  }
  ops.push(endText());
  return used;
}
