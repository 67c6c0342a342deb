import { useState } from 'react';
import type { AppError } from '../../../preload/contract/errors.ts';
import type { ImagePreview } from '../../../preload/contract/images.ts';
import { ErrorNotice } from '../../app/feedback/ErrorNotice.tsx';
import { call } from '../../app/ipc/call.ts';
import { viWorkflow } from '../../i18n/vi-workflow.ts';

type Kind = 'signature' | 'seal';

/** One image: previewed on request from the saved setting, with the checks' notes beside it. */
function OnePreview({ kind }: { kind: Kind }) {
  const t = viWorkflow.images;
  const [preview, setPreview] = useState<ImagePreview | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  const load = async (): Promise<void> => {
    setBusy(true);
    setError(null);
    const result = await call('images.preview', { kind });
    setBusy(false);
    if (result.ok) {
      setPreview(result.value);
    } else {
      setPreview(null);
      setError(result.error);
    }
  };
  return (
    <div className="image-preview" data-testid={`preview-${kind}`}>
      <button type="button" className="secondary" disabled={busy} onClick={() => void load()}>
        {t.show[kind]}
      </button>
      {error === null ? null : <ErrorNotice error={error} />}
      {preview === null ? null : (
        <figure>
          {/* A checkerboard behind shows whether the background is really transparent. */}
          <img className="checkerboard" src={preview.dataUrl} alt={t.alt[kind]} width={Math.min(preview.width, 240)} />
          <figcaption>
            {t.size(preview.width, preview.height, preview.dpi)}
            {preview.warnings.length === 0 ? <p>{t.ok}</p> : null}
            {preview.warnings.length === 0 ? null : (
              <ul>
                {preview.warnings.map((w) => (
                  <li key={w}>{w}</li>
                ))}
              </ul>
            )}
          </figcaption>
        </figure>
      )}
    </div>
  );
}

/** Cài đặt: the signature and seal images as they will be stamped (after saving the paths above). */
export function ImagePreviews() {
  const t = viWorkflow.images;
  return (
    <section aria-labelledby="image-previews-title">
      <h2 id="image-previews-title">{t.title}</h2>
      <p className="hint">{t.hint}</p>
      <OnePreview kind="signature" />
      <OnePreview kind="seal" />
    </section>
  );
}
