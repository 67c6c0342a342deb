import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSqliteOutbox } from '../../../main/services/outbox/sqlite-outbox.ts';
import { openDatabase } from '../../../main/services/store/open-database.ts';
import { tempDir } from './support.ts';

const status = (documentId: string, statusCode: '03' | '05') => ({
  kind: 'incoming.status' as const,
  key: documentId,
  payload: { documentId, statusCode, reason: null, at: '2026-03-02T08:00:00Z' },
});

describe('outbox: done and next claim in one commit', () => {
  it('marks the job done and claims the next due job, keeping per-key order', () => {
    const db = openDatabase(join(tempDir('outbox-claim'), 'vanthu.sqlite'));
    try {
      const outbox = createSqliteOutbox(db);
      const a = '0195f0a0-0000-7000-8000-00000000000a';
      const b = '0195f0a0-0000-7000-8000-00000000000b';
      const first = outbox.enqueue(status(a, '03'));
      const second = outbox.enqueue(status(a, '05'));
      const other = outbox.enqueue(status(b, '03'));
      // real time: the claiming processes enqueued with their own clock.
      const now = new Date(Date.now() + 1_000);
      expect(outbox.claimDue(now, 1).map((job) => job.id)).toEqual([first.id]);
      // The second job of key a becomes due only because the first is done in the same transaction.
      expect(outbox.markDoneAndClaim(first.id, now, 1).map((job) => job.id)).toEqual([second.id]);
      expect(outbox.get(first.id)?.state).toBe('done');
      expect(outbox.get(second.id)?.state).toBe('in-flight');
      // Limit 0: only marks done.
      expect(outbox.markDoneAndClaim(second.id, now, 0)).toEqual([]);
      expect(outbox.counts()).toMatchObject({ done: 2, pending: 1, 'in-flight': 0 });
      expect(outbox.claimDue(now, 5).map((job) => job.id)).toEqual([other.id]);
      expect(() => outbox.markDoneAndClaim('0195f0a0-0000-7000-8000-0000000000ff', now, 1)).toThrow();
    } finally {
      db.close();
    }
  });
});
