import { useState } from 'react';
import type { AppError } from '../../../preload/contract/index.ts';
import type { LayoutProposal } from '../../../preload/contract/layout.ts';
import type { OutgoingDocument } from '../../../preload/contract/outgoing.ts';
import { ErrorNotice } from '../../app/feedback/ErrorNotice.tsx';
import { Progress } from '../../app/feedback/Progress.tsx';
import { call } from '../../app/ipc/call.ts';
import { viIssuing } from '../../i18n/vi-issuing.ts';

/** Until the seal is applied there is something to place; after it, the file shows itself. */
const PREVIEWABLE = new Set<OutgoingDocument['state']>(['trinh-ky', 'da-ky', 'da-cap-so']);
const SHOWN = new Set(['personal', 'organization']);

/**
 * Where the blue signature (lãnh đạo) and the red seal (cơ quan) will be placed on the stored file,
 * as main's ND30 layout finds them, drawn over the rendered page. Read-only: the draft's signature
 * fields are placed when the draft is created, so moving a box here would not move the signature.
 */
export function PlacementPreview({ document }: { document: OutgoingDocument }) {
  const t = viIssuing.placement;
  const [proposal, setProposal] = useState<LayoutProposal | null>(null);
  const [failure, setFailure] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  if (!PREVIEWABLE.has(document.state) || document.fileSha256 === null) {
    return null;
  }
  const load = async (): Promise<void> => {
    setBusy(true);
    setFailure(null);
    const result = await call('issuing.placement', { id: document.id });
    setBusy(false);
    if (result.ok) {
      setProposal(result.value);
    } else {
      setFailure(result.error);
    }
  };
  const boxes = (proposal?.candidates ?? []).filter((c) => SHOWN.has(c.role));
  return (
    <section aria-labelledby="placement-title" data-testid="placement-preview">
      <h3 id="placement-title">{t.title}</h3>
      <p className="hint">{t.hint}</p>
      <button type="button" className="secondary" disabled={busy} onClick={() => void load()}>
        {proposal === null ? t.show : t.refresh}
      </button>
      {busy ? <Progress label={t.loading} /> : null}
      {failure === null ? null : <ErrorNotice error={failure} onRetry={() => void load()} />}
      {proposal !== null && boxes.length === 0 ? <p className="notice notice-info">{t.notFound}</p> : null}
      {proposal?.pages
        .filter((page) => boxes.some((b) => b.pageIndex === page.pageIndex))
        .map((page) => (
          <figure key={page.pageIndex} className="placement-page">
            <div style={{ position: 'relative', display: 'inline-block' }}>
              {page.image === null ? (
                <div style={{ width: 360, height: (360 * page.height) / page.width, border: '1px solid #888' }} />
              ) : (
                <img src={page.image} alt={t.pageAlt(page.pageIndex + 1)} style={{ width: 360, display: 'block' }} />
              )}
              {boxes
                .filter((b) => b.pageIndex === page.pageIndex)
                .map((b) => (
                  <div
                    key={b.role}
                    data-testid={`placement-${b.role}`}
                    role="img"
                    aria-label={t.boxLabel(b.role === 'personal', page.pageIndex + 1)}
                    style={{
                      position: 'absolute',
                      left: `${(b.screenRect.x / page.width) * 100}%`,
                      top: `${(b.screenRect.y / page.height) * 100}%`,
                      width: `${(b.screenRect.width / page.width) * 100}%`,
                      height: `${(b.screenRect.height / page.height) * 100}%`,
                      border: `2px solid ${b.role === 'personal' ? '#1f3fbf' : '#c62828'}`,
                      background: b.role === 'personal' ? 'rgba(31,63,191,0.15)' : 'rgba(198,40,40,0.15)',
                    }}
                  />
                ))}
            </div>
            <figcaption>
              {boxes
                .filter((b) => b.pageIndex === page.pageIndex)
                .map((b) => `${t.boxLabel(b.role === 'personal', page.pageIndex + 1)}: ${b.evidence.join('; ')}`)
                .join(' · ')}
            </figcaption>
          </figure>
        ))}
    </section>
  );
}
