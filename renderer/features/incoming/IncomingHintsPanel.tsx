import { useState } from 'react';
import type { IncomingHints } from '../../../preload/contract/hints.ts';
import type { IncomingDocument } from '../../../preload/contract/incoming.ts';
import { ErrorNotice } from '../../app/feedback/ErrorNotice.tsx';
import { Progress } from '../../app/feedback/Progress.tsx';
import { ServiceMissing } from '../../app/frame/ServiceMissing.tsx';
import { call } from '../../app/ipc/call.ts';
import { useLoad } from '../../app/ipc/use-load.ts';
import { vi } from '../../i18n/vi.ts';
import { prefillAssignment } from './assign-draft.ts';
import { dateVi } from '../../shared/dates.ts';

/**
 * What the assistant read in the document (issue #21 point 5): its Điều, the limits it sets and
 * the hạn xử lý they give, and who handled similar documents. Read-only: "Dùng hạn này" only
 * fills the phân công form, which the leader still confirms.
 */
export function IncomingHintsPanel({ document }: { readonly document: IncomingDocument }) {
  const t = vi.hints;
  const hints = useLoad<IncomingHints>('hints.incoming', () => call('hints.incoming', { id: document.id }), [
    document.id,
    document.fileSha256,
  ]);
  const [taken, setTaken] = useState<string | null>(null);
  const data = hints.data;
  return (
    <section aria-labelledby="hints-title" data-testid="incoming-hints" className="hints">
      <h3 id="hints-title">{t.title}</h3>
      {data.state === 'loading' ? <Progress label={t.loading} /> : null}
      {data.state === 'failed' ? <ErrorNotice error={data.error} onRetry={hints.reload} /> : null}
      {data.state === 'missing' ? <ServiceMissing channel={data.channel} /> : null}
      {data.state === 'ready' ? (
        <>
          <p className="hint">{t.readOnly}</p>
          {data.value.encoding === null ? null : (
            <p className="notice notice-info">{t.encoding(data.value.encoding)}</p>
          )}
          {data.value.hasText ? null : <p className="hint">{t.noText}</p>}
          {data.value.dieu.length === 0 ? null : (
            <>
              <h4>{t.dieu}</h4>
              <ul data-testid="hints-dieu">
                {data.value.dieu.map((d) => (
                  <li key={d.so}>{t.dieuItem(d.so, d.text)}</li>
                ))}
              </ul>
            </>
          )}
          {data.value.hasText ? <h4>{t.deadlines}</h4> : null}
          {data.value.hasText && data.value.deadlines.length === 0 ? <p>{t.noDeadlines}</p> : null}
          {data.value.deadlines.length === 0 ? null : (
            <ul data-testid="hints-deadlines">
              {data.value.deadlines.map((m, i) => (
                <li key={`${m.date}-${i}`}>
                  {m.text} — <strong>{t.due(dateVi(m.date))}</strong> <span className="hint">{m.explanation}</span>
                </li>
              ))}
            </ul>
          )}
          {data.value.proposedHanXuLy === null ? null : (
            <p data-testid="hints-proposed">
              {t.proposed(dateVi(data.value.proposedHanXuLy.date))}{' '}
              <button
                type="button"
                className="secondary"
                onClick={() => {
                  const date = data.value.proposedHanXuLy?.date ?? '';
                  prefillAssignment(document.id, { hanXuLy: date });
                  setTaken(t.tookHan(dateVi(date)));
                }}
              >
                {t.takeHan}
              </button>
            </p>
          )}
          <h4>{t.chuTri}</h4>
          {data.value.chuTri.length === 0 ? <p>{t.noChuTri}</p> : null}
          {data.value.chuTri.length === 0 ? null : (
            <ul data-testid="hints-chu-tri">
              {data.value.chuTri.map((s) => (
                <li key={s.chuTri}>
                  <strong>{s.chuTri}</strong> ({t.share(Math.round(s.confidence * 100))}):{' '}
                  {s.because.map((b) => t.because(b.soKyHieu, b.trichYeu, s.chuTri)).join('; ')}{' '}
                  <button
                    type="button"
                    className="secondary"
                    onClick={() => {
                      prefillAssignment(document.id, { chuTri: s.chuTri });
                      setTaken(t.tookChuTri(s.chuTri));
                    }}
                  >
                    {t.takeChuTri(s.chuTri)}
                  </button>
                </li>
              ))}
            </ul>
          )}
          {taken === null ? null : (
            <p className="notice notice-ok" role="status">
              {taken}
            </p>
          )}
        </>
      ) : null}
    </section>
  );
}
