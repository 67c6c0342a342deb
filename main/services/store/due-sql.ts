import type { Database } from 'better-sqlite3';
import type { YearArrangement } from '../../domain/calendar/holidays.ts';
import { WorkingCalendar } from '../../domain/calendar/working-days.ts';
import { dateDue, isUrgent, stepDue, type DueRule } from '../../domain/deadlines.ts';

/**
 * The working-day calendar behind the SQL functions `vn_due_at` and `vn_due_immediate`, one per
 * connection. A connection starts with the law's defaults; the store loads the year's announced
 * arrangements once migrations have made their table, and again after an import.
 */
const calendars = new WeakMap<Database, WorkingCalendar>();

export function setDueCalendar(db: Database, arrangements: readonly YearArrangement[]): void {
  calendars.set(db, new WorkingCalendar(arrangements));
}

function calendarOf(db: Database): WorkingCalendar {
  let calendar = calendars.get(db);
  if (calendar === undefined) {
    calendar = new WorkingCalendar();
    calendars.set(db, calendar);
  }
  return calendar;
}

/** The last on-time instant (ISO) of `rule` running from `from` (an instant or a date). */
export function dueAtIso(calendar: WorkingCalendar, rule: unknown, from: unknown, doKhan: unknown): string | null {
  if (typeof rule !== 'string' || typeof from !== 'string') {
    return null;
  }
  const khan = typeof doKhan === 'number' || typeof doKhan === 'bigint' ? Number(doKhan) : 0;
  switch (rule as DueRule) {
    case 'trinh':
    case 'phat-hanh':
      // A row an older version wrote with an unreadable time gets no due time: migrating must not fail on it.
      if (Number.isNaN(new Date(from).getTime())) {
        return null;
      }
      return stepDue(rule as 'trinh' | 'phat-hanh', new Date(from), khan, calendar).dueAt.toISOString();
    case 'han-xu-ly':
    case 'han-tra-loi':
      if (!/^\d{4}-\d{2}-\d{2}/.test(from)) {
        return null;
      }
      return dateDue(rule as 'han-xu-ly' | 'han-tra-loi', from.slice(0, 10)).dueAt.toISOString();
    default:
      return null;
  }
}

export function registerDueFunctions(db: Database): void {
  // Not deterministic: the answer changes when a year's arrangement is imported.
  db.function('vn_due_at', (rule: unknown, from: unknown, doKhan: unknown) =>
    dueAtIso(calendarOf(db), rule, from, doKhan),
  );
  db.function('vn_due_immediate', { deterministic: true }, (rule: unknown, doKhan: unknown) =>
    (rule === 'trinh' || rule === 'phat-hanh') && isUrgent(Number(doKhan ?? 0)) ? 1 : 0,
  );
}
