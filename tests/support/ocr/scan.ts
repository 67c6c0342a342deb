import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PDFDocument } from '@cantoo/pdf-lib';

const run = promisify(execFile);

export interface Scan {
  /** An image-only PDF: each page one 200 dpi PNG, at the original page's size. */
  readonly pdf: Uint8Array;
  /** The page images pdftoppm wrote, in page order. */
  readonly pngs: readonly Uint8Array[];
  /** The original's text layer as poppler reads it (what the OCR is scored against). */
  readonly text: string;
}

/** "Scans" a PDF the way the issue asks: pdftoppm at `dpi`, the images into a PDF with no text layer. */
export async function scanOf(pdf: Uint8Array, dpi = 200): Promise<Scan> {
  const dir = await mkdtemp(join(tmpdir(), 'vanthu-scan-'));
  try {
    const input = join(dir, 'in.pdf');
    await writeFile(input, pdf);
    await run('pdftoppm', ['-r', String(dpi), '-png', input, join(dir, 'page')]);
    const { stdout: text } = await run('pdftotext', ['-enc', 'UTF-8', input, '-'], { maxBuffer: 16 << 20 });
    const names = (await readdir(dir)).filter((n) => n.startsWith('page') && n.endsWith('.png')).sort();
    const pngs = await Promise.all(names.map(async (n) => new Uint8Array(await readFile(join(dir, n)))));
    const source = await PDFDocument.load(pdf);
    const out = await PDFDocument.create();
    for (const [i, png] of pngs.entries()) {
      const { width, height } = source.getPage(i).getSize();
      const image = await out.embedPng(png);
      out.addPage([width, height]).drawImage(image, { x: 0, y: 0, width, height });
    }
    return { pdf: await out.save(), pngs, text };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Levenshtein distance over code points (two rows: the texts are pages, not books). */
export function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i += 1) {
    const cur = [i];
    for (let j = 1; j <= y.length; j += 1) {
      cur[j] = Math.min(
        (prev[j] ?? 0) + 1,
        (cur[j - 1] ?? 0) + 1,
        (prev[j - 1] ?? 0) + (x[i - 1] === y[j - 1] ? 0 : 1),
      );
    }
    prev = cur;
  }
  return prev[y.length] ?? 0;
}

/**
 * The body of a document (from the first "Căn cứ"/"Kính gửi"/"Điều" line to "Nơi nhận"), NFC,
 * whitespace collapsed: the header's two columns come out in different orders from poppler and
 * Tesseract, which would score layout, not reading.
 */
export function bodyText(text: string): string {
  const flat = text.normalize('NFC').replace(/\s+/g, ' ');
  const start = flat.search(/Căn cứ|Kính gửi|Thực hiện|Điều 1/u);
  const end = flat.search(/Nơi nhận/u);
  return flat.slice(start < 0 ? 0 : start, end < 0 ? undefined : end).trim();
}

/** 1 − edit distance / length of the truth. */
export function characterAccuracy(read: string, truth: string): number {
  return truth.length === 0 ? 0 : 1 - editDistance(read, truth) / [...truth].length;
}
