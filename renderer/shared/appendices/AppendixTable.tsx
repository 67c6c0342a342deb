import type { Appendix } from '../../../preload/contract/appendices.ts';
import type { SyncProgress } from '../../../preload/contract/sync.ts';
import { Progress } from '../../app/feedback/Progress.tsx';
import { vi } from '../../i18n/vi.ts';

function signatureText(signed: boolean | null): string {
  const t = vi.appendices;
  if (signed === null) {
    return t.signedUnknown;
  }
  return signed ? t.signedYes : t.signedNo;
}

/** A document's phụ lục in order: open each; remove one while it has not been sent; see its upload. */
export function AppendixTable({
  appendices,
  onOpen,
  onRemove,
  uploads = {},
  busy = false,
}: {
  appendices: readonly Appendix[];
  onOpen: (appendix: Appendix) => void;
  /** Absent once the appendices were sent (published), or on a received document. */
  onRemove?: ((appendix: Appendix) => void) | undefined;
  /** Uploads in progress, by hash (sync.progress). */
  uploads?: Readonly<Record<string, SyncProgress>>;
  busy?: boolean;
}) {
  const t = vi.appendices;
  return (
    <table className="table" aria-label={t.listLabel} data-testid="appendix-list">
      <thead>
        <tr>
          <th scope="col">{t.columns.position}</th>
          <th scope="col">{t.columns.title}</th>
          <th scope="col">{t.columns.signature}</th>
          <th scope="col">{t.columns.actions}</th>
        </tr>
      </thead>
      <tbody>
        {appendices.map((appendix, index) => {
          const upload = uploads[appendix.sha256];
          return (
            <tr key={appendix.sha256}>
              <td>{index + 1}</td>
              <td>
                {appendix.title}
                {upload === undefined ? null : (
                  <Progress label={t.uploading(appendix.title)} value={upload.done} max={upload.total} />
                )}
              </td>
              <td>{signatureText(appendix.signed)}</td>
              <td>
                <div className="actions">
                  <button
                    type="button"
                    className="secondary"
                    aria-label={t.openLabel(appendix.title)}
                    onClick={() => onOpen(appendix)}
                  >
                    {t.open}
                  </button>
                  {onRemove === undefined ? null : (
                    <button
                      type="button"
                      className="secondary"
                      aria-label={t.removeLabel(appendix.title)}
                      disabled={busy}
                      onClick={() => onRemove(appendix)}
                    >
                      {t.remove}
                    </button>
                  )}
                </div>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
