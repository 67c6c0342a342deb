import { useState } from 'react';
import type { AppError, SyncStatus } from '../../../preload/contract/index.ts';
import type { StoredArrangement } from '../../../preload/contract/calendar.ts';
import { ErrorNotice } from '../../app/feedback/ErrorNotice.tsx';
import { FilePick } from '../../app/files/FilePick.tsx';
import { call } from '../../app/ipc/call.ts';
import { useLoad } from '../../app/ipc/use-load.ts';
import { vi } from '../../i18n/vi.ts';

interface BackupStatus {
  readonly lastBackupAt: string | null;
}

function when(iso: string): string {
  return new Date(iso).toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' });
}

/** Sync and backup state on Tổng quan, with "Sao lưu ngay" and the year's holiday arrangement. */
export function WorkstationState() {
  const t = vi.work.overview;
  const sync = useLoad<SyncStatus>('sync.status', () => call('sync.status', {}), []);
  const backup = useLoad<BackupStatus>('backup.status', () => call('backup.status', {}), []);
  const calendar = useLoad<StoredArrangement[]>('calendar.arrangements', () => call('calendar.arrangements', {}), []);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<AppError | null>(null);

  const backupNow = async (): Promise<void> => {
    setBusy(true);
    setError(null);
    const result = await call('backup.create', {});
    setBusy(false);
    if (result.ok) {
      setDone(t.backupDone((result.value.bytes / 1_048_576).toLocaleString('vi-VN', { maximumFractionDigits: 1 })));
      backup.reload();
    } else {
      setError(result.error);
    }
  };

  return (
    <div className="facts-grid">
      <section aria-labelledby="sync-state-title" data-testid="sync-state">
        <h2 id="sync-state-title">{t.syncTitle}</h2>
        {sync.data.state === 'ready' ? (
          <p>
            {sync.data.value.failed > 0
              ? t.syncFailed(sync.data.value.failed)
              : sync.data.value.pending > 0
                ? t.syncPending(sync.data.value.pending)
                : t.syncIdle}
            <br />
            {sync.data.value.lastSuccessAt === null ? t.syncNever : t.syncLast(when(sync.data.value.lastSuccessAt))}
          </p>
        ) : null}
      </section>
      <section aria-labelledby="backup-state-title" data-testid="backup-state">
        <h2 id="backup-state-title">{t.backupTitle}</h2>
        {backup.data.state === 'ready' ? (
          <p>
            {backup.data.value.lastBackupAt === null
              ? t.backupNever
              : t.backupLast(when(backup.data.value.lastBackupAt))}
          </p>
        ) : null}
        <button type="button" onClick={() => void backupNow()} disabled={busy} data-testid="backup-now">
          {busy ? t.backingUp : t.backupNow}
        </button>
        {done === null ? null : (
          <p role="status" data-testid="backup-done">
            {done}
          </p>
        )}
        {error === null ? null : <ErrorNotice error={error} onDismiss={() => setError(null)} />}
      </section>
      <section aria-labelledby="calendar-title" data-testid="calendar-state">
        <h2 id="calendar-title">{t.calendarTitle}</h2>
        {calendar.data.state === 'ready' ? (
          <p>
            {calendar.data.value.length === 0
              ? t.calendarNone
              : t.calendarStored(calendar.data.value.map((a) => a.arrangement.year).join(', '))}
          </p>
        ) : null}
        <FilePick
          purpose="lich-nghi"
          chosen={null}
          label={t.calendarImport}
          testId="calendar-import"
          onError={setError}
          onChosen={(file) =>
            void call('calendar.import', { handle: file.handle }).then((result) =>
              result.ok ? calendar.reload() : setError(result.error),
            )
          }
        />
      </section>
    </div>
  );
}
