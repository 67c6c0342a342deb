import { GlobalWorkerOptions, PDFWorker, getDocument, type PDFDocumentProxy } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

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
  return getDocument({ data: bytes, worker: worker ?? undefined }).promise;
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
