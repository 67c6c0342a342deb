import { useEffect, useId, useRef, useState } from 'react';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { Progress } from '../../app/feedback/Progress.tsx';
import { vi } from '../../i18n/vi.ts';
import { openPdf, pageLines, renderPage, warmUpPdf } from './render-page.ts';

const PAGE_WIDTH_PX = 520;

/**
 * Read a PDF beside a form: the user opens the file here (it stays in the renderer), pages are
 * rendered by pdf.js one at a time, so page 1 of a long file shows without parsing the rest.
 */
export function PdfViewer({
  onPageOneText,
  onFile,
}: {
  onPageOneText?: (lines: string[]) => void;
  /** The opened file itself, for a caller that hands it to main (metadata read there). */
  onFile?: (file: File) => void;
}) {
  const inputId = useId();
  const canvas = useRef<HTMLCanvasElement>(null);
  const [doc, setDoc] = useState<PDFDocumentProxy | null>(null);
  const [page, setPage] = useState(1);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  useEffect(warmUpPdf, []);

  const open = async (file: File | undefined): Promise<void> => {
    if (file === undefined) {
      return;
    }
    setFailed(false);
    setBusy(true);
    performance.mark('vanthu:pdf-open');
    try {
      const next = await openPdf(new Uint8Array(await file.arrayBuffer()));
      setPage(1);
      setDoc(next);
      onFile?.(file);
      if (onPageOneText !== undefined) {
        pageLines(next, 1).then(onPageOneText, () => undefined);
      }
    } catch {
      setFailed(true);
      setBusy(false);
    }
  };
  useEffect(() => {
    if (doc === null || canvas.current === null) {
      return;
    }
    let live = true;
    setBusy(true);
    renderPage(doc, page, canvas.current, PAGE_WIDTH_PX).then(
      () => {
        if (live) {
          setBusy(false);
          // Read by tests/bench/ui.ts: from choosing the file to the page on screen.
          performance.measure(`vanthu:pdf-page-${page}`, 'vanthu:pdf-open');
        }
      },
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [doc, page]);

  return (
    <section className="pdf-viewer" aria-labelledby={`${inputId}-title`} data-testid="pdf-viewer">
      <h2 id={`${inputId}-title`}>{vi.pdf.title}</h2>
      <label htmlFor={inputId}>{vi.pdf.open}</label>
      <input id={inputId} type="file" accept="application/pdf,.pdf" onChange={(e) => void open(e.target.files?.[0])} />
      {failed ? (
        <p className="notice notice-error" role="alert">
          {vi.pdf.failed}
        </p>
      ) : null}
      {busy ? <Progress label={vi.pdf.rendering} /> : null}
      {doc === null ? null : (
        <>
          <div className="actions">
            <button type="button" className="secondary" disabled={page <= 1} onClick={() => setPage(page - 1)}>
              {vi.pdf.previous}
            </button>
            <span role="status" data-testid="pdf-page">
              {vi.pdf.pageOf(page, doc.numPages)}
            </span>
            <button
              type="button"
              className="secondary"
              disabled={page >= doc.numPages}
              onClick={() => setPage(page + 1)}
            >
              {vi.pdf.next}
            </button>
          </div>
          <canvas ref={canvas} className="pdf-canvas" aria-label={vi.pdf.pageOf(page, doc.numPages)} role="img" />
        </>
      )}
    </section>
  );
}
