import type { Database } from 'better-sqlite3';
import type { StoredArrangement, YearArrangementDto } from '../../../preload/contract/calendar.ts';
import { setDueCalendar } from './due-sql.ts';

interface ArrangementRow {
  year: number;
  arrangement: string;
  source: StoredArrangement['source'];
  stored_at: string;
}

/** The years' announced arrangements kept in this store, oldest year first. */
export function listArrangements(db: Database): StoredArrangement[] {
  return (db.prepare(`SELECT * FROM calendar_arrangements ORDER BY year`).all() as ArrangementRow[]).map((row) => ({
    arrangement: JSON.parse(row.arrangement) as YearArrangementDto,
    source: row.source,
    storedAt: row.stored_at,
  }));
}

/** Give the connection's due functions the stored arrangements (after open, after a change). */
export function loadDueCalendar(db: Database): void {
  setDueCalendar(
    db,
    listArrangements(db).map((stored) => stored.arrangement),
  );
}

/**
 * Keep the arrangements (one per year; a newer one replaces the year's) and recompute the due
 * times counted in working days, in one transaction: a clerk sees the announced Tết at once.
 * The last one stored wins, whether from the server or an administrator (both are entitled to
 * set it); the source is kept and shown. An unchanged arrangement changes nothing.
 */
export function storeArrangements(
  db: Database,
  arrangements: readonly YearArrangementDto[],
  source: StoredArrangement['source'],
  now: Date,
): StoredArrangement[] {
  const upsert = db.prepare(
    `INSERT INTO calendar_arrangements (year, arrangement, source, stored_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (year) DO UPDATE SET arrangement = excluded.arrangement, source = excluded.source, stored_at = excluded.stored_at
     WHERE calendar_arrangements.arrangement <> excluded.arrangement`,
  );
  db.transaction(() => {
    let changed = 0;
    for (const arrangement of arrangements) {
      changed += upsert.run(arrangement.year, JSON.stringify(arrangement), source, now.toISOString()).changes;
    }
    if (changed === 0) {
      return;
    }
    loadDueCalendar(db);
    for (const table of ['incoming_documents', 'outgoing_documents']) {
      db.prepare(
        `UPDATE ${table} SET due_at = vn_due_at(due_rule, due_from, do_khan) WHERE due_rule IN ('trinh', 'phat-hanh')`,
      ).run();
    }
  })();
  return listArrangements(db);
}
