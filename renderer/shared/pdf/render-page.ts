import { GlobalWorkerOptions, PDFWorker, getDocument, type PDFDocumentProxy } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import { SAFE_PDF_OPTIONS } from './safe-options.ts';

// The worker parses the PDF off the UI thread; CSP allows workers from 'self'.
GlobalWorkerOptions.workerSrc = workerUrl;

let worker: PDFWorker | null = null;

/**
 * Start the pdf.js worker before a file is chosen: loading and compiling the worker script is
 * most of the wait for page 1, and it can happen while the user is still picking the file.
 */
export function warmUpPdf(): void {
  worker ??= new PDFWorker();
}

/** Open a PDF from bytes the user chose (a File never leaves the renderer). */
export async function openPdf(bytes: Uint8Array): Promise<PDFDocumentProxy> {
  warmUpPdf();
  return getDocument({ ...SAFE_PDF_OPTIONS, data: bytes, worker: worker ?? undefined }).promise;
}

/** Render one page (1-based) into the canvas at a width in CSS pixels, sharp on HiDPI screens. */
export async function renderPage(
  doc: PDFDocumentProxy,
  pageNumber: number,
  canvas: HTMLCanvasElement,
  cssWidth: number,
): Promise<void> {
  const page = await doc.getPage(pageNumber);
  const base = page.getViewport({ scale: 1 });
  const ratio = window.devicePixelRatio || 1;
  const viewport = page.getViewport({ scale: (cssWidth / base.width) * ratio });
  canvas.width = Math.floor(viewport.width);
  canvas.height = Math.floor(viewport.height);
  canvas.style.width = `${cssWidth}px`;
  await page.render({ canvas, viewport }).promise;
}

/** The text of a page as lines, top to bottom, each line's pieces left to right. */
export async function pageLines(doc: PDFDocumentProxy, pageNumber: number): Promise<string[]> {
  const page = await doc.getPage(pageNumber);
  const content = await page.getTextContent();
  const rows = new Map<number, { x: number; s: string }[]>();
  for (const item of content.items) {
    if (!('str' in item) || item.str.trim() === '') {
      continue;
    }
    // Pieces within 2 pt of the same baseline belong to one line.
    const y = Math.round((item.transform[5] as number) / 2);
    const row = rows.get(y) ?? [];
    row.push({ x: item.transform[4] as number, s: item.str });
    rows.set(y, row);
  }
  return [...rows.entries()]
    .sort((a, b) => b[0] - a[0])
    .map(([, row]) =>
      row
        .sort((a, b) => a.x - b.x)
        .map((p) => p.s)
        .join(' ')
        .replace(/\s+/g, ' ')
        .trim(),
    );
}
