import { describe, expect, it } from 'vitest';
import { backupOverdue, backupReminderDue } from '../../../main/domain/backup-reminder.ts';

describe('backup reminder', () => {
  const now = new Date('2026-03-20T02:00:00Z');

  it('is overdue when there was never a backup, or the last one is more than 7 days old', () => {
    expect(backupOverdue(null, now)).toBe(true);
    expect(backupOverdue('2026-03-12T01:59:59Z', now)).toBe(true);
    expect(backupOverdue('2026-03-13T02:00:00Z', now)).toBe(false);
    expect(backupOverdue('2026-03-19T02:00:00Z', now)).toBe(false);
    expect(backupOverdue('không phải ngày', now)).toBe(true);
  });

  it('still reminds daily before it is overdue', () => {
    expect(backupReminderDue('2026-03-18T02:00:00Z', now)).toBe(true);
    expect(backupOverdue('2026-03-18T02:00:00Z', now)).toBe(false);
  });
});
