import { describe, expect, expectTypeOf, it } from 'vitest';
import type { JobPayload } from '../../../main/services/outbox/jobs.ts';
import { createSqliteOutbox } from '../../../main/services/outbox/sqlite-outbox.ts';
import { openDatabase } from '../../../main/services/store/open-database.ts';
import { msFromNow, testNow } from '../../support/clock/clock.ts';

const sha = 'a'.repeat(64);
const status = (documentId: string, statusCode: '01' | '03') => ({
  kind: 'incoming.status' as const,
  key: documentId,
  payload: { documentId, statusCode, reason: null, at: '2026-03-01T00:00:00Z' },
});

const upload = {
  kind: 'file.upload' as const,
  key: sha,
  payload: { sha256: sha, size: 3, fileName: 'CongVan15.pdf' },
};

describe('SQLite outbox', () => {
  it('delivers one job per key at a time, in creation order', () => {
    const db = openDatabase(':memory:');
    const outbox = createSqliteOutbox(db);
    const a1 = outbox.enqueue(status('A', '01'), testNow());
    const a2 = outbox.enqueue(status('A', '03'), testNow());
    const b1 = outbox.enqueue(status('B', '01'), testNow());
    const now = msFromNow(1000);
    expect(outbox.claimDue(now, 10).map((j) => j.id)).toEqual([a1.id, b1.id]);
    expect(outbox.claimDue(now, 10)).toEqual([]);
    outbox.markDone(a1.id);
    expect(outbox.claimDue(now, 10).map((j) => j.id)).toEqual([a2.id]);
    expect(outbox.counts()).toMatchObject({ done: 1, 'in-flight': 2, pending: 0 });
  });

  it('retries later with attempts and last error, and fails permanently', () => {
    const db = openDatabase(':memory:');
    const outbox = createSqliteOutbox(db);
    const job = outbox.enqueue(upload);
    const t0 = new Date('2030-01-01T00:00:00Z');
    outbox.claimDue(t0, 1);
    outbox.markRetry(job.id, new Date('2030-01-01T00:01:00Z'), 'ECONNRESET', t0);
    expect(outbox.claimDue(t0, 1)).toEqual([]);
    const [again] = outbox.claimDue(new Date('2030-01-01T00:01:00Z'), 1);
    expect(again).toMatchObject({ id: job.id, attempts: 1, lastError: 'ECONNRESET' });
    outbox.markFailed(job.id, 'SYNC_REJECTED');
    expect(outbox.get(job.id)).toMatchObject({ state: 'failed', attempts: 2 });
  });

  it('makes every job waiting out its backoff due now (the server answers again), keeping its attempts', () => {
    const db = openDatabase(':memory:');
    const outbox = createSqliteOutbox(db);
    const job = outbox.enqueue(upload);
    const paused = outbox.enqueue(status('B', '01'), testNow());
    outbox.pause(paused.id);
    const t0 = new Date('2030-01-01T00:00:00Z');
    outbox.claimDue(t0, 1);
    outbox.markRetry(job.id, new Date('2030-01-01T00:05:00Z'), 'ECONNRESET', t0);
    expect(outbox.claimDue(t0, 1)).toEqual([]);
    expect(outbox.dueNow(t0)).toBe(1);
    const [again] = outbox.claimDue(t0, 2);
    expect(again).toMatchObject({ id: job.id, attempts: 1 });
    // A job the person paused stays paused.
    expect(outbox.get(paused.id)?.state).toBe('paused');
  });

  it('reads a job back as the member of a union its kind names, and refuses a row whose payload is not of its kind', () => {
    const db = openDatabase(':memory:');
    const outbox = createSqliteOutbox(db);
    const queued = outbox.enqueue(status('A', '01'), testNow());
    expectTypeOf(queued.payload).toEqualTypeOf<JobPayload<'incoming.status'>>();
    const [job] = outbox.list();
    expect(job?.kind).toBe('incoming.status');
    if (job?.kind === 'incoming.status') {
      // Narrowed by its kind alone: no cast, no second parse.
      expectTypeOf(job.payload).toEqualTypeOf<JobPayload<'incoming.status'>>();
      expect(job.payload.statusCode).toBe('01');
    }
    // A row changed on disk (or written by another version): another kind's payload, or a kind no one knows.
    db.prepare(`UPDATE outbox_jobs SET kind = 'file.upload' WHERE id = ?`).run(queued.id);
    expect(() => outbox.get(queued.id)).toThrow(/of kind file\.upload does not parse/);
    db.prepare(`UPDATE outbox_jobs SET kind = 'fax.send' WHERE id = ?`).run(queued.id);
    expect(() => outbox.get(queued.id)).toThrow(/of kind fax\.send does not parse/);
  });

  it('pauses and resumes, and requeues jobs left in flight by a crash', () => {
    const db = openDatabase(':memory:');
    const outbox = createSqliteOutbox(db);
    const job = outbox.enqueue(status('A', '01'), testNow());
    outbox.pause();
    const later = msFromNow(1000);
    expect(outbox.claimDue(later, 5)).toEqual([]);
    outbox.resume();
    expect(outbox.claimDue(later, 5)).toHaveLength(1);
    expect(outbox.requeueInFlight()).toBe(1);
    expect(outbox.get(job.id)?.state).toBe('pending');
  });

  it('rolls the job back with the caller transaction and rejects invalid payloads', () => {
    const db = openDatabase(':memory:');
    const outbox = createSqliteOutbox(db);
    expect(() =>
      db.transaction(() => {
        outbox.enqueue(status('A', '01'));
        throw new Error('change failed');
      })(),
    ).toThrow('change failed');
    expect(outbox.list()).toEqual([]);
    expect(() =>
      outbox.enqueue({ kind: 'file.upload', key: 'x', payload: { sha256: 'nope', size: 1, fileName: 'Công văn.pdf' } }),
    ).toThrow();
  });
});
