import type { Queue } from '../../domain/queues.ts';
import { QUEUE_SCOPE, QUEUES } from '../../domain/queues.ts';
import type { StoreContext } from './store-context.ts';

export interface QueueCounts {
  readonly counts: Readonly<Record<Queue, number>>;
  /** Late documents by kind, so "quá hạn" can open the right list. */
  readonly overdue: { readonly incoming: number; readonly outgoing: number };
}

/**
 * Tổng quan's counts in two grouped scans of the state indexes and two range counts on the due
 * indexes (migration 011): no document row is read, so it stays fast on a large register.
 */
export function queueCounts(ctx: StoreContext): QueueCounts {
  const byState = (table: 'incoming_documents' | 'outgoing_documents'): Map<string, number> =>
    new Map(
      (
        ctx.db.prepare(`SELECT state, count(*) AS n FROM ${table} GROUP BY state`).all() as {
          state: string;
          n: number;
        }[]
      ).map((r) => [r.state, r.n]),
    );
  const now = ctx.clock().toISOString();
  const late = (table: 'incoming_documents' | 'outgoing_documents'): number =>
    ctx.db.prepare(`SELECT count(*) FROM ${table} WHERE due_at IS NOT NULL AND due_at < ?`).pluck().get(now) as number;
  const incoming = byState('incoming_documents');
  const outgoing = byState('outgoing_documents');
  const overdue = { incoming: late('incoming_documents'), outgoing: late('outgoing_documents') };
  const counts = Object.fromEntries(
    QUEUES.map((queue) => {
      const scope = QUEUE_SCOPE[queue];
      if (scope.entity === 'both') {
        return [queue, overdue.incoming + overdue.outgoing];
      }
      const table = scope.entity === 'incoming' ? incoming : outgoing;
      return [queue, scope.states.reduce((sum, state) => sum + (table.get(state) ?? 0), 0)];
    }),
  ) as Record<Queue, number>;
  return { counts, overdue };
}
