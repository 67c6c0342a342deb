import type { Database } from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';
import { VanthuError } from '../../../preload/contract/errors.ts';
import { errorMessageVi } from '../../../preload/contract/error-messages.vi.ts';
import { JobEntrySchema, parseJobPayload, type JobKind } from './jobs.ts';
import type { NewJob, OutboxCounts, OutboxJob, OutboxState, OutboxStore } from './outbox-store.ts';

interface JobRow {
  id: string;
  kind: string;
  job_key: string;
  payload: string;
  state: OutboxState;
  attempts: number;
  next_attempt_at: string;
  last_error: string | null;
  created_at: string;
  updated_at: string;
}

function fieldsOf(row: JobRow) {
  return {
    id: row.id,
    key: row.job_key,
    state: row.state,
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at,
    lastError: row.last_error,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function toJob(row: JobRow): OutboxJob {
  // Parsed again on the way out, kind and payload together: the row lay on disk and may come
  // from an older version; an unknown kind or a payload of another shape is refused here.
  const entry = JobEntrySchema.safeParse({ kind: row.kind, payload: JSON.parse(row.payload) as unknown });
  if (!entry.success) {
    throw new Error(`outbox job ${row.id} of kind ${row.kind} does not parse: ${entry.error.message}`);
  }
  return { ...entry.data, ...fieldsOf(row) };
}

/**
 * The database refuses to queue anything for a document marked mật (migration 010's trigger): a
 * service that forgot to keep it local learns it here, as the error people see, not as a leak.
 */
function secretRefusal(error: unknown, key: string): VanthuError | undefined {
  if (!(error instanceof Error) || !error.message.startsWith('SECRET_STAYS_LOCAL')) {
    return undefined;
  }
  return new VanthuError('SECRET_STAYS_LOCAL', errorMessageVi('SECRET_STAYS_LOCAL'), {
    details: { key },
    cause: error,
  });
}

/** The outbox on the store's own connection (synchronous: it runs where the database lives). */
export function createSqliteOutbox(db: Database): OutboxStore {
  const insert = db.prepare(
    `INSERT INTO outbox_jobs (id, kind, job_key, payload, state, attempts, next_attempt_at, last_error, created_at, updated_at)
     VALUES (?, ?, ?, ?, 'pending', 0, ?, NULL, ?, ?)`,
  );
  // Only the oldest unfinished job of each key is a candidate, and only when no job of that
  // key is in flight or failed: per-key order is creation order (uuid v7 sorts by time).
  const due = db.prepare(
    `SELECT j.* FROM outbox_jobs j
     WHERE j.state = 'pending' AND j.next_attempt_at <= ?
       AND NOT EXISTS (SELECT 1 FROM outbox_jobs o WHERE o.job_key = j.job_key AND o.state <> 'done' AND o.id < j.id)
     ORDER BY j.id LIMIT ?`,
  );
  const setState = db.prepare(`UPDATE outbox_jobs SET state = ?, updated_at = ? WHERE id = ?`);
  const done = db.prepare(`UPDATE outbox_jobs SET state = 'done', updated_at = ?, last_error = NULL WHERE id = ?`);
  const retry = db.prepare(
    `UPDATE outbox_jobs SET state = 'pending', attempts = attempts + 1, next_attempt_at = ?, last_error = ?, updated_at = ? WHERE id = ?`,
  );
  const dueAt = db.prepare(
    `UPDATE outbox_jobs SET next_attempt_at = ? WHERE state = 'pending' AND next_attempt_at > ?`,
  );
  const failed = db.prepare(
    `UPDATE outbox_jobs SET state = 'failed', attempts = attempts + 1, last_error = ?, updated_at = ? WHERE id = ?`,
  );
  const byId = db.prepare(`SELECT * FROM outbox_jobs WHERE id = ?`);
  const unsent = db.prepare(
    // "state <> 'done'" repeats the partial index's condition so the lookup goes through outbox_key.
    `SELECT id FROM outbox_jobs
     WHERE job_key = ? AND kind = ? AND state <> 'done' AND state IN ('pending', 'paused', 'failed') ORDER BY id`,
  );

  /** Inside a transaction: the due jobs, now in flight. */
  function claim(now: Date, limit: number): OutboxJob[] {
    const rows = due.all(now.toISOString(), limit) as JobRow[];
    const at = now.toISOString();
    for (const row of rows) {
      setState.run('in-flight', at, row.id);
    }
    return rows.map((row) => toJob({ ...row, state: 'in-flight', updated_at: at }));
  }

  function mustChange(changes: number, id: string): void {
    if (changes !== 1) {
      throw new Error(`outbox job ${id} not found`);
    }
  }

  return {
    enqueue<K extends JobKind>(job: NewJob<K>, now = new Date()): OutboxJob<K> {
      const payload = parseJobPayload(job.kind, job.payload);
      const id = uuidv7();
      const at = now.toISOString();
      try {
        insert.run(id, job.kind, job.key, JSON.stringify(payload), at, at, at);
      } catch (error) {
        throw secretRefusal(error, job.key) ?? error;
      }
      const row = byId.get(id) as JobRow;
      return { ...fieldsOf(row), kind: job.kind, payload: parseJobPayload(job.kind, JSON.parse(row.payload)) };
    },
    claimDue(now, limit) {
      return db.transaction(() => claim(now, limit)).immediate();
    },
    markDone(id, now = new Date()) {
      mustChange(done.run(now.toISOString(), id).changes, id);
    },
    markDoneAndClaim(id, now, limit) {
      return db
        .transaction(() => {
          mustChange(done.run(now.toISOString(), id).changes, id);
          return limit > 0 ? claim(now, limit) : [];
        })
        .immediate();
    },
    dueNow(now) {
      const at = now.toISOString();
      return dueAt.run(at, at).changes;
    },
    markRetry(id, nextAttemptAt, error, now = new Date()) {
      mustChange(retry.run(nextAttemptAt.toISOString(), error, now.toISOString(), id).changes, id);
    },
    markFailed(id, error, now = new Date()) {
      mustChange(failed.run(error, now.toISOString(), id).changes, id);
    },
    supersede(kind, key, now = new Date()) {
      const ids = (unsent.all(key, kind) as { id: string }[]).map((row) => row.id);
      for (const id of ids) {
        done.run(now.toISOString(), id);
      }
      return ids;
    },
    pause(id) {
      const at = new Date().toISOString();
      if (id === undefined) {
        db.prepare(`UPDATE outbox_jobs SET state = 'paused', updated_at = ? WHERE state = 'pending'`).run(at);
      } else {
        db.prepare(`UPDATE outbox_jobs SET state = 'paused', updated_at = ? WHERE id = ? AND state = 'pending'`).run(
          at,
          id,
        );
      }
    },
    resume(id) {
      const at = new Date().toISOString();
      if (id === undefined) {
        db.prepare(`UPDATE outbox_jobs SET state = 'pending', updated_at = ? WHERE state = 'paused'`).run(at);
      } else {
        db.prepare(
          `UPDATE outbox_jobs SET state = 'pending', updated_at = ? WHERE id = ? AND state IN ('paused', 'failed')`,
        ).run(at, id);
      }
    },
    requeueInFlight() {
      return db
        .prepare(`UPDATE outbox_jobs SET state = 'pending', updated_at = ? WHERE state = 'in-flight'`)
        .run(new Date().toISOString()).changes;
    },
    get(id) {
      const row = byId.get(id) as JobRow | undefined;
      return row === undefined ? undefined : toJob(row);
    },
    list(filter = {}) {
      const rows =
        filter.state === undefined
          ? db.prepare(`SELECT * FROM outbox_jobs ORDER BY id LIMIT ?`).all(filter.limit ?? 1000)
          : db
              .prepare(`SELECT * FROM outbox_jobs WHERE state = ? ORDER BY id LIMIT ?`)
              .all(filter.state, filter.limit ?? 1000);
      return (rows as JobRow[]).map(toJob);
    },
    counts(): OutboxCounts {
      const counts: Record<OutboxState, number> = { pending: 0, 'in-flight': 0, done: 0, failed: 0, paused: 0 };
      for (const row of db.prepare(`SELECT state, count(*) AS n FROM outbox_jobs GROUP BY state`).all() as {
        state: OutboxState;
        n: number;
      }[]) {
        counts[row.state] = row.n;
      }
      return counts;
    },
  };
}
