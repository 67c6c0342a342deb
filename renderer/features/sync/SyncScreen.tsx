import { useEffect, useState } from 'react';
import type { RenumberingNotice, SyncConflict, SyncProgress, SyncStatus } from '../../../preload/contract/sync.ts';
import { useErrorCenter } from '../../app/feedback/error-center.tsx';
import { ErrorNotice } from '../../app/feedback/ErrorNotice.tsx';
import { Progress } from '../../app/feedback/Progress.tsx';
import { ServiceMissing } from '../../app/frame/ServiceMissing.tsx';
import { SHORTCUTS, useShortcut } from '../../app/frame/shortcuts.ts';
import { call } from '../../app/ipc/call.ts';
import { useLoad } from '../../app/ipc/use-load.ts';
import { vanthu } from '../../bridge/vanthu.ts';
import { vi } from '../../i18n/vi.ts';
import { ConflictTable } from './ConflictTable.tsx';
import { RenumberedList } from './RenumberedList.tsx';
import { dateTimeVi } from '../../shared/dates.ts';

/** Đồng bộ: whether the server is reachable, what waits to be sent, what failed and needs a decision. */
export function SyncScreen() {
  const status = useLoad<SyncStatus>('sync.status', () => call('sync.status', {}), []);
  const conflicts = useLoad<SyncConflict[]>('sync.conflicts', () => call('sync.conflicts', {}), []);
  const renumbered = useLoad<RenumberingNotice[]>('sync.renumberings', () => call('sync.renumberings', {}), []);
  const [transfer, setTransfer] = useState<SyncProgress | null>(null);
  const [retrying, setRetrying] = useState(false);
  const errors = useErrorCenter();
  const { reload: reloadStatus } = status;
  const { reload: reloadConflicts } = conflicts;
  const { reload: reloadRenumbered } = renumbered;
  useEffect(() => {
    const stopChanged = vanthu.on('sync.changed', () => {
      reloadStatus();
      reloadConflicts();
      reloadRenumbered();
    });
    const stopProgress = vanthu.on('sync.progress', (p) => setTransfer(p.done >= p.total ? null : p));
    return () => {
      stopChanged();
      stopProgress();
    };
  }, [reloadStatus, reloadConflicts, reloadRenumbered]);
  const retryNow = async (): Promise<void> => {
    setRetrying(true);
    const result = await call('sync.retryNow', {});
    setRetrying(false);
    if (!result.ok) {
      errors.present(result.error, () => void retryNow());
    }
    reloadStatus();
    reloadConflicts();
    reloadRenumbered();
  };
  useShortcut(SHORTCUTS.reload, () => void retryNow());
  const s = vi.sync;
  return (
    <section aria-labelledby="sync-title">
      <h1 id="sync-title">{s.title}</h1>
      {status.data.state === 'loading' ? <Progress label={vi.app.loading} /> : null}
      {status.data.state === 'failed' ? <ErrorNotice error={status.data.error} onRetry={reloadStatus} /> : null}
      {status.data.state === 'missing' ? <ServiceMissing channel={status.data.channel} /> : null}
      {status.data.state === 'ready' ? (
        <>
          {status.data.value.authRequired ? <p className="notice notice-warn">{s.authRequired}</p> : null}
          <dl className="facts" data-testid="sync-status">
            <dt>{s.connection}</dt>
            <dd>{vi.connection[status.data.value.connection]}</dd>
            <dt>{s.pending}</dt>
            <dd data-testid="sync-pending">{status.data.value.pending}</dd>
            <dt>{s.failed}</dt>
            <dd data-testid="sync-failed">{status.data.value.failed}</dd>
            <dt>{s.lastSuccess}</dt>
            <dd>{status.data.value.lastSuccessAt === null ? s.never : dateTimeVi(status.data.value.lastSuccessAt)}</dd>
            <dt>{s.lastError}</dt>
            <dd>{status.data.value.lastError ?? vi.common.none}</dd>
          </dl>
          <div className="actions">
            <button type="button" onClick={() => void retryNow()} disabled={retrying} aria-keyshortcuts="Alt+R">
              {s.retryNow}
            </button>
          </div>
          {retrying ? <Progress label={s.retrying} /> : null}
          {transfer === null ? null : (
            <Progress label={s.transfer[transfer.direction]} value={transfer.done} max={transfer.total} />
          )}
        </>
      ) : null}
      <h2>{s.conflicts}</h2>
      {conflicts.data.state === 'failed' ? (
        <ErrorNotice error={conflicts.data.error} onRetry={reloadConflicts} />
      ) : null}
      {conflicts.data.state === 'ready' ? <ConflictTable conflicts={conflicts.data.value} /> : null}
      <h2>{s.renumbered.title}</h2>
      {renumbered.data.state === 'failed' ? (
        <ErrorNotice error={renumbered.data.error} onRetry={reloadRenumbered} />
      ) : null}
      {renumbered.data.state === 'ready' ? <RenumberedList notices={renumbered.data.value} /> : null}
    </section>
  );
}
