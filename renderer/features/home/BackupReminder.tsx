import { call } from '../../app/ipc/call.ts';
import { useLoad } from '../../app/ipc/use-load.ts';
import { vi } from '../../i18n/vi.ts';

interface BackupStatus {
  readonly lastBackupAt: string | null;
  readonly ageDays: number | null;
  readonly reminder: boolean;
}

/** Provinces ask for a daily backup; the overview says so when the last one is over a day old. */
export function BackupReminder() {
  const { data } = useLoad<BackupStatus>('backup.status', () => call('backup.status', {}), []);
  if (data.state !== 'ready' || !data.value.reminder) {
    return null;
  }
  return (
    <p className="notice notice-warn" role="status" data-testid="backup-reminder">
      {data.value.ageDays === null ? vi.home.backupNever : vi.home.backupOld(Math.floor(data.value.ageDays))}
    </p>
  );
}
