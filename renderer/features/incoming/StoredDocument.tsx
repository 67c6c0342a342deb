import { useEffect, useRef, useState } from 'react';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import type { AppError } from '../../../preload/contract/errors.ts';
import type { IncomingAttachment, IncomingDocument } from '../../../preload/contract/incoming.ts';
import { VerifyReportSchema, type VerifyReport } from '../../../preload/contract/verify.ts';
import { ErrorNotice } from '../../app/feedback/ErrorNotice.tsx';
import { Progress } from '../../app/feedback/Progress.tsx';
import { call } from '../../app/ipc/call.ts';
import { viWorkflow } from '../../i18n/vi-workflow.ts';
import { bytesOfBase64 } from '../../shared/pdf/base64.ts';
import { openPdf, renderPage } from '../../shared/pdf/render-page.ts';
import { VerdictPanel } from '../../shared/verify/VerdictPanel.tsx';

const PAGE_WIDTH_PX = 520;

/** The kept verdict, if it is a verifier report this renderer understands (older shapes are re-verified). */
function keptReport(attachment: IncomingAttachment): VerifyReport | null {
  const parsed = VerifyReportSchema.safeParse(attachment.verification);
  return parsed.success ? parsed.data : null;
}

/**
 * The registered file of an incoming document, as stored (by hash), with the verdict on top. A
 * document that arrived without a kept verdict is verified on opening: the văn thư must see
 * whether the signature holds before accepting it.
 */
export function StoredDocument({ document }: { document: IncomingDocument }) {
  const t = viWorkflow.stored;
  const canvas = useRef<HTMLCanvasElement>(null);
  const [pdf, setPdf] = useState<PDFDocumentProxy | null>(null);
  const [report, setReport] = useState<VerifyReport | null>(null);
  const [busy, setBusy] = useState<'open' | 'verify' | null>('open');
  const [error, setError] = useState<AppError | null>(null);

  const verify = async (): Promise<void> => {
    setBusy('verify');
    setError(null);
    const result = await call('incoming.verify', { id: document.id, offline: false });
    setBusy(null);
    if (result.ok) {
      setReport(result.value);
    } else {
      setError(result.error);
    }
  };

  useEffect(() => {
    let live = true;
    void call('incoming.attachment', { id: document.id }).then(async (result) => {
      if (!live) {
        return;
      }
      if (!result.ok) {
        setBusy(null);
        setError(result.error);
        return;
      }
      const kept = keptReport(result.value);
      setReport(kept);
      setPdf(await openPdf(bytesOfBase64(result.value.base64)));
      setBusy(null);
      if (kept === null && live) {
        void verify();
      }
    });
    return () => {
      live = false;
    };
    // The file is addressed by its hash: a new hash is a new file.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [document.id, document.fileSha256]);

  useEffect(() => {
    if (pdf !== null && canvas.current !== null) {
      void renderPage(pdf, 1, canvas.current, PAGE_WIDTH_PX);
    }
  }, [pdf]);

  return (
    <section aria-labelledby="stored-title" data-testid="stored-document">
      <h3 id="stored-title">{t.title}</h3>
      {report === null ? null : <VerdictPanel report={report} />}
      {report === null && busy === null && error === null ? <p className="hint">{t.notVerified}</p> : null}
      {busy === 'open' ? <Progress label={t.loading} /> : null}
      {busy === 'verify' ? <Progress label={t.verifying} /> : null}
      {error === null ? null : <ErrorNotice error={error} onRetry={() => void verify()} />}
      <div className="actions">
        <button type="button" className="secondary" disabled={busy !== null} onClick={() => void verify()}>
          {t.verify}
        </button>
      </div>
      {pdf === null ? null : <canvas ref={canvas} className="pdf-canvas" role="img" aria-label={document.trichYeu} />}
    </section>
  );
}
