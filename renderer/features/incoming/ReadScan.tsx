import { useEffect, useState } from 'react';
import type { AppError, ChosenFile, OcrReadResult } from '../../../preload/contract/index.ts';
import { Progress } from '../../app/feedback/Progress.tsx';
import { call } from '../../app/ipc/call.ts';
import { vanthu } from '../../bridge/vanthu.ts';
import { vi } from '../../i18n/vi.ts';

/**
 * "Đọc bản quét": main reads the chosen scan (OCR, in a worker thread) and answers the fields
 * it found; this shows the pages as they are read and can stop the run.
 */
export function ReadScan(props: {
  readonly file: ChosenFile | null;
  readonly disabled: boolean;
  readonly onRead: (result: OcrReadResult) => void;
  readonly onError: (error: AppError) => void;
}) {
  const [runId, setRunId] = useState<string | null>(null);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [done, setDone] = useState<OcrReadResult | null>(null);

  useEffect(
    () =>
      vanthu.on('ocr.progress', (p) => {
        if (p.runId === runId) {
          setProgress({ done: p.done, total: p.total });
        }
      }),
    [runId],
  );

  const read = async (file: ChosenFile): Promise<void> => {
    const id = crypto.randomUUID();
    setRunId(id);
    setProgress(null);
    setDone(null);
    const result = await call('ocr.read', { handle: file.handle, purpose: 'pdf', runId: id });
    setRunId(null);
    if (!result.ok) {
      if (result.error.code !== 'OCR_CANCELLED') {
        props.onError(result.error);
      }
      return;
    }
    setDone(result.value);
    props.onRead(result.value);
  };

  return (
    <div className="read-scan">
      <p className="hint">{vi.incoming.ocr.hint}</p>
      {runId === null ? (
        <button
          type="button"
          className="secondary"
          disabled={props.file === null || props.disabled}
          onClick={() => props.file !== null && void read(props.file)}
          data-testid="ocr-read"
        >
          {vi.incoming.ocr.read}
        </button>
      ) : (
        <>
          <Progress
            label={vi.incoming.ocr.reading}
            {...(progress === null ? {} : { value: progress.done, max: progress.total })}
          />
          <button type="button" className="secondary" onClick={() => void call('ocr.cancel', { runId })}>
            {vi.incoming.ocr.stop}
          </button>
        </>
      )}
      {done === null ? null : (
        <p className="notice notice-info" role="status" data-testid="ocr-done">
          {vi.incoming.ocr.done(done.pages, done.confidence)}
        </p>
      )}
    </div>
  );
}
