import { useEffect, useRef, useState } from 'react';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import type { AppendixFile } from '../../../preload/contract/appendices.ts';
import type { AppError } from '../../../preload/contract/errors.ts';
import type { Result } from '../../../preload/contract/result.ts';
import { ErrorNotice } from '../../app/feedback/ErrorNotice.tsx';
import { Progress } from '../../app/feedback/Progress.tsx';
import { vi } from '../../i18n/vi.ts';
import { bytesOfBase64 } from '../pdf/base64.ts';
import { openPdf, renderPage } from '../pdf/render-page.ts';
import { VerdictPanel } from '../verify/VerdictPanel.tsx';

const PAGE_WIDTH_PX = 520;

/**
 * One stored appendix, opened from the store by hash (what is shown is what is kept and sent),
 * with the verifier's verdict on top: the văn thư sees the organization signature holds, the
 * recipient sees whether the phụ lục it received is intact.
 */
export function AppendixViewer({
  title,
  load,
  onClose,
}: {
  title: string;
  load: () => Promise<Result<AppendixFile>>;
  onClose: () => void;
}) {
  const t = vi.appendices;
  const canvas = useRef<HTMLCanvasElement>(null);
  const [file, setFile] = useState<AppendixFile | null>(null);
  const [pdf, setPdf] = useState<PDFDocumentProxy | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    void load().then(async (result) => {
      if (!live) {
        return;
      }
      if (!result.ok) {
        setError(result.error);
        return;
      }
      setFile(result.value);
      const opened = await openPdf(bytesOfBase64(result.value.base64));
      if (live) {
        setPdf(opened);
      }
    });
    return () => {
      live = false;
    };
    // `load` names one appendix (document and hash): a new attempt reloads it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [attempt]);

  useEffect(() => {
    if (pdf !== null && canvas.current !== null) {
      void renderPage(pdf, 1, canvas.current, PAGE_WIDTH_PX);
    }
  }, [pdf]);

  const retry = (): void => {
    setError(null);
    setAttempt(attempt + 1);
  };

  return (
    <section className="appendix-viewer" aria-label={title} data-testid="appendix-viewer">
      <h4>{title}</h4>
      {file === null && error === null ? <Progress label={t.loadingFile} /> : null}
      {error === null ? null : <ErrorNotice error={error} onRetry={retry} />}
      {file === null ? null : file.verification === null ? (
        <p className="hint">{t.notVerified}</p>
      ) : (
        <VerdictPanel report={file.verification} />
      )}
      {pdf === null ? null : <canvas ref={canvas} className="pdf-canvas" role="img" aria-label={title} />}
      <div className="actions">
        <button type="button" className="secondary" onClick={onClose}>
          {t.closeViewer}
        </button>
      </div>
    </section>
  );
}
