import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
// Sets globalThis.pdfjsWorker, so pdfjs runs its "fake worker" from this import instead of
// importing pdf.worker.mjs by path, which does not exist next to the esbuild bundle of main.
import 'pdfjs-dist/legacy/build/pdf.worker.mjs';
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { errorMessageVi } from '../../../../preload/contract/error-messages.vi.ts';
import { VanthuError } from '../../../../preload/contract/vanthu-error.ts';
import { toVisualPoint, type PageFrame } from '../../../domain/nd30/geometry.ts';
import { normalizeRotation, type PageRotation } from '../../../domain/nd30/rotation.ts';
import type { TextItem } from '../../../domain/nd30/text-lines.ts';

export interface PageText {
  readonly pageIndex: number;
  readonly frame: PageFrame;
  /**
   * The frame the text reads in: crop box and the turn of the text (the page's /Rotate unless
   * the text runs another way). Items are given in it; items not running left to right are dropped.
   */
  readonly items: readonly TextItem[];
}

/** Opens a PDF with the pdfjs-dist legacy build (the one that runs in Node, P17). */
export async function openPdf(bytes: Uint8Array): Promise<PDFDocumentProxy> {
  try {
    // A copy: pdfjs transfers the buffer to its (fake) worker and would detach the caller's.
    return await getDocument({
      data: new Uint8Array(bytes),
      verbosity: 0,
      disableFontFace: true,
      useSystemFonts: false,
    }).promise;
  } catch (cause) {
    const name = (cause as { name?: string }).name;
    if (name === 'PasswordException') {
      throw new VanthuError('PDF_ENCRYPTED', errorMessageVi('PDF_ENCRYPTED'), { cause });
    }
    throw new VanthuError('PDF_MALFORMED', errorMessageVi('PDF_MALFORMED'), { cause });
  }
}

export async function readPageText(pdf: PDFDocumentProxy, pageIndex: number): Promise<PageText> {
  const page = await pdf.getPage(pageIndex + 1);
  const [x0 = 0, y0 = 0, x1 = 0, y1 = 0] = page.view;
  const content = await page.getTextContent();
  const raws = content.items.filter((raw) => 'str' in raw && raw.str.length > 0) as Array<{
    str: string;
    transform: number[];
    width: number;
    height: number;
  }>;
  const frame: PageFrame = { view: [x0, y0, x1, y1], rotation: readingRotation(raws, page.rotate) };
  const items: TextItem[] = [];
  for (const raw of raws) {
    const [a = 0, b = 0, , , e = 0, f = 0] = raw.transform;
    const origin = toVisualPoint(frame, e, f);
    const tip = toVisualPoint(frame, e + a, f + b);
    const dx = tip.x - origin.x;
    const dy = tip.y - origin.y;
    // Keep text that reads left to right in the frame; marginal vertical notes are not blocks.
    if (dx <= 0 || Math.abs(dy) > 0.1 * dx) {
      continue;
    }
    const size = Math.hypot(raw.transform[2] ?? 0, raw.transform[3] ?? 0) || raw.height;
    items.push({ str: raw.str, x: origin.x, y: origin.y, width: raw.width, size });
  }
  page.cleanup();
  return { pageIndex, frame, items };
}

/**
 * The turn under which most of the page's text reads left to right. Usually the page's
 * /Rotate (the producer drew the content for the reader), but a page rotated after the fact
 * (a viewer's "rotate and save") shows its text sideways: the ND30 boxes follow the text, so
 * the number, date and signatures line up with it. A page without text keeps its /Rotate.
 */
function readingRotation(raws: ReadonlyArray<{ str: string; transform: number[] }>, rotate: number): PageRotation {
  const weight = new Map<PageRotation, number>();
  for (const raw of raws) {
    const [a = 0, b = 0] = raw.transform;
    const degrees = (Math.atan2(b, a) * 180) / Math.PI;
    // Only text along an axis; slanted stamps and watermarks say nothing about the layout.
    if (Math.abs(degrees - Math.round(degrees / 90) * 90) > 2) {
      continue;
    }
    const turn = normalizeRotation(degrees);
    weight.set(turn, (weight.get(turn) ?? 0) + raw.str.trim().length);
  }
  const pageTurn = normalizeRotation(rotate);
  let best = pageTurn;
  for (const [turn, w] of weight) {
    if (w > (weight.get(best) ?? 0)) {
      best = turn;
    }
  }
  return best;
}

/** Crop box and /Rotate of one page, without reading its text. */
export async function readPageFrame(pdf: PDFDocumentProxy, pageIndex: number): Promise<PageFrame> {
  const page = await pdf.getPage(pageIndex + 1);
  const [x0 = 0, y0 = 0, x1 = 0, y1 = 0] = page.view;
  return { view: [x0, y0, x1, y1], rotation: normalizeRotation(page.rotate) };
}
