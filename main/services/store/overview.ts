import type { Queue } from '../../domain/queues.ts';
import { QUEUE_SCOPE, QUEUES } from '../../domain/queues.ts';
import type { StoreContext } from './store-context.ts';

export interface QueueCounts {
  readonly counts: Readonly<Record<Queue, number>>;
  /** Late documents by kind, so "quá hạn" can open the right list. */
  readonly overdue: { readonly incoming: number; readonly outgoing: number };
}

/**
 * Tổng quan's counts: each state's size from the counters the triggers keep (migration 011), and
 * what is late by two range counts on the partial due indexes; no document row is read.
 */
export function queueCounts(ctx: StoreContext): QueueCounts {
  const counters = ctx.db.prepare(`SELECT entity, state, n FROM document_state_counts`).all() as {
    entity: 'incoming' | 'outgoing';
    state: string;
    n: number;
  }[];
  const byState = (entity: 'incoming' | 'outgoing'): Map<string, number> =>
    new Map(counters.filter((c) => c.entity === entity).map((c) => [c.state, c.n]));
  const now = ctx.clock().toISOString();
  const late = (table: 'incoming_documents' | 'outgoing_documents'): number =>
    ctx.db.prepare(`SELECT count(*) FROM ${table} WHERE due_at IS NOT NULL AND due_at < ?`).pluck().get(now) as number;
  const incoming = byState('incoming');
  const outgoing = byState('outgoing');
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
