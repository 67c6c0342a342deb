import { useId, useState, type DragEvent } from 'react';
import type { AppError, ChosenFile, FilePurpose } from '../../../preload/contract/index.ts';
import { vanthu } from '../../bridge/vanthu.ts';
import { vi } from '../../i18n/vi.ts';
import { Progress } from '../feedback/Progress.tsx';
import { call } from '../ipc/call.ts';
import { uploadFile } from './upload.ts';

const ACCEPT: Readonly<Record<FilePurpose, string>> = {
  pdf: '.pdf,application/pdf',
  nguon: '.docx,.odt,.doc',
  anh: '.png,image/png',
  'chung-thu': '.pem,.crt,.cer,.der',
  'lich-nghi': '.json',
};

export interface FilePickProps {
  readonly purpose: FilePurpose;
  readonly chosen: ChosenFile | null;
  readonly onChosen: (file: ChosenFile) => void;
  readonly onError: (error: AppError) => void;
  readonly testId?: string;
  /** Names the chooser when a screen has two of one purpose (signature and seal images). */
  readonly label?: string;
}

/**
 * A file chooser that yields a handle, never a path: Electron's native dialog through main, or
 * in the browser shell `<input type=file>` and drag and drop, streamed to main in chunks.
 */
export function FilePick({ purpose, chosen, onChosen, onError, testId, label: named }: FilePickProps) {
  const inputId = useId();
  const [busy, setBusy] = useState(false);
  const label = named ?? vi.issuing.files.labels[purpose];

  const settle = (result: { ok: true; value: ChosenFile | null } | { ok: false; error: AppError }): void => {
    setBusy(false);
    if (!result.ok) {
      onError(result.error);
    } else if (result.value !== null) {
      onChosen(result.value);
    }
  };
  const send = async (file: File | undefined): Promise<void> => {
    if (file === undefined) {
      return;
    }
    setBusy(true);
    settle(await uploadFile(file, purpose));
  };
  const native = async (): Promise<void> => {
    setBusy(true);
    settle(await call('files.choose', { purpose }));
  };
  const drop = (event: DragEvent<HTMLDivElement>): void => {
    event.preventDefault();
    void send(event.dataTransfer.files[0]);
  };

  return (
    <div className="file-pick" data-testid={testId} onDragOver={(e) => e.preventDefault()} onDrop={drop}>
      {vanthu.shell === 'electron' ? (
        <button type="button" className="secondary" disabled={busy} onClick={() => void native()} aria-label={label}>
          {vi.issuing.files.choose}
        </button>
      ) : (
        <>
          <label htmlFor={inputId}>{label}</label>
          <input
            id={inputId}
            type="file"
            accept={ACCEPT[purpose]}
            disabled={busy}
            onChange={(e) => void send(e.target.files?.[0])}
          />
        </>
      )}
      <span className="hint">{vi.issuing.files.dropHere}</span>
      {busy ? <Progress label={vi.issuing.files.uploading} /> : null}
      <p className="hint" role="status">
        {chosen === null ? vi.issuing.files.none : vi.issuing.files.chosen(chosen.name, Math.ceil(chosen.size / 1024))}
      </p>
    </div>
  );
}
