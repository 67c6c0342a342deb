import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
// Registers pdfjs's fake worker in-process (see pdf/layout/page-text.ts for why).
import 'pdfjs-dist/legacy/build/pdf.worker.mjs';
import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { VanthuError, errorMessageVi } from '../../../preload/contract/index.ts';
import { toVisualPoint, type PageFrame } from '../../domain/nd30/geometry.ts';
import { normalizeRotation } from '../../domain/nd30/rotation.ts';
import { rebuildLines, type TextLine } from '../../domain/nd30/text-lines.ts';
import { decodeLegacyFonts } from './legacy-text.ts';
import type { DraftPage, FontItem, HorizontalRule } from './model.ts';

/**
 * Reads what the thể thức rules look at: text items with their real font names (from the
 * font's /BaseFont, which pdfjs only reports with `fontExtraProperties`), the lines rebuilt the
 * way the placement code rebuilds them, and the horizontal strokes (the rule under tiêu ngữ).
 */
export async function readDraft(bytes: Uint8Array): Promise<DraftPage[]> {
  const pdf = await open(bytes);
  try {
    const pages: RawPage[] = [];
    for (let i = 0; i < pdf.numPages; i += 1) {
      pages.push(await readPage(await pdf.getPage(i + 1), i));
    }
    // A font is TCVN3, VNI or Unicode throughout the document, so its text is judged as a whole.
    const decoded = decodeLegacyFonts(pages.map((p) => p.items));
    return pages.map((page, i) => {
      const items = decoded[i] ?? page.items;
      return { ...page, items, lines: rebuildLines(items).flatMap(splitQuocHieu) };
    });
  } finally {
    // Frees the document in the (fake) worker too: the app checks many drafts in one run.
    await pdf.loadingTask.destroy();
  }
}

async function open(bytes: Uint8Array): Promise<PDFDocumentProxy> {
  try {
    return await getDocument({
      data: new Uint8Array(bytes),
      verbosity: 0,
      disableFontFace: true,
      useSystemFonts: false,
      fontExtraProperties: true,
    }).promise;
  } catch (cause) {
    const name = (cause as { name?: string }).name;
    const code = name === 'PasswordException' ? 'PDF_ENCRYPTED' : 'PDF_MALFORMED';
    throw new VanthuError(code, errorMessageVi(code), { cause });
  }
}

type Matrix = [number, number, number, number, number, number];

const multiply = (m: Matrix, n: Matrix): Matrix => [
  n[0] * m[0] + n[1] * m[2],
  n[0] * m[1] + n[1] * m[3],
  n[2] * m[0] + n[3] * m[2],
  n[2] * m[1] + n[3] * m[3],
  n[4] * m[0] + n[5] * m[2] + m[4],
  n[4] * m[1] + n[5] * m[3] + m[5],
];

type RawPage = Omit<DraftPage, 'lines'>;

async function readPage(page: PDFPageProxy, pageIndex: number): Promise<RawPage> {
  const [x0 = 0, y0 = 0, x1 = 0, y1 = 0] = page.view;
  // Upright drafts are the norm; a turned page is read in its /Rotate frame.
  const frame: PageFrame = { view: [x0, y0, x1, y1], rotation: normalizeRotation(page.rotate) };
  // The operator list loads the fonts into commonObjs, so it comes before the text.
  const ops = await page.getOperatorList();
  const content = await page.getTextContent();
  const fontName = (id: string): string => {
    const font = page.commonObjs.has(id) ? (page.commonObjs.get(id) as { name?: string } | null) : null;
    // Subset tags ("BAAAAA+") say nothing about the face.
    return (font?.name ?? '').replace(/^[A-Z]{6}\+/, '');
  };
  const items: FontItem[] = [];
  for (const raw of content.items) {
    if (!('str' in raw) || raw.str.length === 0) {
      continue;
    }
    const [a = 0, b = 0, c = 0, d = 0, e = 0, f = 0] = raw.transform as number[];
    const origin = toVisualPoint(frame, e, f);
    const tip = toVisualPoint(frame, e + a, f + b);
    if (tip.x - origin.x <= 0) {
      continue;
    }
    const font = fontName(raw.fontName);
    items.push({
      str: raw.str,
      x: origin.x,
      y: origin.y,
      width: raw.width,
      size: Math.hypot(c, d) || raw.height,
      font,
      fontId: raw.fontName,
      bold: /bold|black|heavy|semibold/i.test(font),
    });
  }
  const rules = horizontalRules(ops.fnArray, ops.argsArray, frame);
  page.cleanup();
  const size = {
    width: frame.rotation % 180 === 0 ? x1 - x0 : y1 - y0,
    height: frame.rotation % 180 === 0 ? y1 - y0 : x1 - x0,
  };
  return { pageIndex, ...size, items, rules };
}

/** Thin, wide paths (a stroked segment or a filled hairline box), in the visual frame. */
function horizontalRules(fns: readonly number[], args: readonly unknown[], frame: PageFrame): HorizontalRule[] {
  const stack: Matrix[] = [];
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  const rules: HorizontalRule[] = [];
  fns.forEach((fn, i) => {
    const arg = args[i] as unknown[];
    if (fn === OPS.save) {
      stack.push(ctm);
    } else if (fn === OPS.restore) {
      ctm = stack.pop() ?? ctm;
    } else if (fn === OPS.transform) {
      ctm = multiply(ctm, arg as Matrix);
    } else if (fn === OPS.constructPath) {
      const box = arg[2] as ArrayLike<number> | null | undefined;
      if (box === null || box === undefined || box.length < 4) {
        return;
      }
      const apply = (x: number, y: number) =>
        toVisualPoint(frame, ctm[0] * x + ctm[2] * y + ctm[4], ctm[1] * x + ctm[3] * y + ctm[5]);
      const p = apply(box[0] ?? 0, box[1] ?? 0);
      const q = apply(box[2] ?? 0, box[3] ?? 0);
      const width = Math.abs(q.x - p.x);
      const height = Math.abs(q.y - p.y);
      if (width >= 20 && height <= 2) {
        rules.push({ x0: Math.min(p.x, q.x), x1: Math.max(p.x, q.x), y: (p.y + q.y) / 2 });
      }
    }
  });
  return rules;
}

/**
 * A long tên cơ quan and the Quốc hiệu share a baseline and can come closer than the column gap
 * line rebuilding uses: cut the line where the Quốc hiệu starts.
 */
function splitQuocHieu(line: TextLine): TextLine[] {
  const at = line.items.findIndex((i) => /^\s*C[ỘộOo]NG\s+H[ÒòOoÓó]/u.test(i.str));
  return at <= 0 ? [line] : [...rebuildLines(line.items.slice(0, at)), ...rebuildLines(line.items.slice(at))];
}
