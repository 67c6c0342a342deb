/**
 * Provinces ask for daily backups [S-NB22 Điều 18; S-SL25]. A reminder is due when there has
 * never been a backup, or the last one is a day old or more.
 */
export const BACKUP_MAX_AGE_DAYS = 1;
const DAY_MS = 24 * 60 * 60 * 1000;

export function backupAgeDays(lastBackupAt: string | null, now: Date): number | null {
  if (lastBackupAt === null) {
    return null;
  }
  const at = Date.parse(lastBackupAt);
  return Number.isNaN(at) ? null : Math.max(0, (now.getTime() - at) / DAY_MS);
}

export function backupReminderDue(lastBackupAt: string | null, now: Date): boolean {
  const age = backupAgeDays(lastBackupAt, now);
  return age === null || age >= BACKUP_MAX_AGE_DAYS;
}

/**
 * Past this, the reminder becomes a warning that data is at risk (issue #7: older than 7 days).
 * The daily reminder above stays the rule; this one is what no office should ever reach.
 */
export const BACKUP_OVERDUE_DAYS = 7;

export function backupOverdue(lastBackupAt: string | null, now: Date): boolean {
  const age = backupAgeDays(lastBackupAt, now);
  return age === null || age > BACKUP_OVERDUE_DAYS;
}
