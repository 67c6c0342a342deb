import { useState } from 'react';
import type { AppError } from '../../../preload/contract/index.ts';
import type { IncomingDocument } from '../../../preload/contract/incoming.ts';
import type { OutgoingDocument } from '../../../preload/contract/outgoing.ts';
import { ErrorNotice } from '../../app/feedback/ErrorNotice.tsx';
import { call } from '../../app/ipc/call.ts';
import { useLoad } from '../../app/ipc/use-load.ts';
import { viWork } from '../../i18n/vi-work.ts';
import { dateVi } from '../../shared/dates.ts';

/**
 * "Trả lời cho": an incoming document that answers one of ours is linked to it, which settles that
 * outgoing document's hạn trả lời (main keeps the due time; this only chooses). Offered are the
 * published documents still waiting for answers, and the one already linked.
 */
export function ReplyLink({ document, onChanged }: { document: IncomingDocument; onChanged: () => void }) {
  const t = viWork.reply;
  const { data } = useLoad<OutgoingDocument[]>(
    'outgoing.list',
    () => call('outgoing.list', { states: ['da-phat-hanh'], limit: 500 }),
    [document.id],
  );
  const linked = document.traLoiCho ?? null;
  const [choice, setChoice] = useState<string>(linked ?? '');
  const [failure, setFailure] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  if (data.state !== 'ready') {
    return null;
  }
  const candidates = data.value.filter((o) => o.hanTraLoi !== null || o.id === linked);
  if (candidates.length === 0) {
    return null;
  }
  const save = async (): Promise<void> => {
    setBusy(true);
    setFailure(null);
    const result = await call('incoming.linkReply', { id: document.id, outgoingId: choice === '' ? null : choice });
    setBusy(false);
    if (!result.ok) {
      setFailure(result.error);
      return;
    }
    onChanged();
  };
  return (
    <section aria-labelledby="reply-title" data-testid="reply-link">
      <h3 id="reply-title">{t.title}</h3>
      <label>
        {t.label}
        <select value={choice} onChange={(event) => setChoice(event.target.value)}>
          <option value="">{t.none}</option>
          {candidates.map((o) => (
            <option key={o.id} value={o.id}>
              {t.option(o.soKyHieu ?? '', o.trichYeu, o.hanTraLoi === null ? null : dateVi(o.hanTraLoi))}
            </option>
          ))}
        </select>
      </label>
      <button type="button" disabled={busy || choice === (linked ?? '')} onClick={() => void save()}>
        {t.save}
      </button>
      {failure === null ? null : (
        <ErrorNotice error={failure} {...(failure.retryable ? { onRetry: () => void save() } : {})} />
      )}
    </section>
  );
}
