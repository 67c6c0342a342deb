import type { DueDto } from '../../../preload/contract/due.ts';
import { DUE_RULES } from '../../../preload/contract/due.ts';
import { dueState } from '../../domain/deadlines.ts';

/** The due columns of a row (migration 011) as the contract's `due`. */
export function dueOfRow(
  row: {
    due_rule?: string | null;
    due_at?: string | null;
    due_immediate?: number;
  },
  now: Date,
): DueDto | null {
  const rule = DUE_RULES.find((r) => r === row.due_rule);
  if (rule === undefined || row.due_at === null || row.due_at === undefined) {
    return null;
  }
  const due = { rule, dueAt: new Date(row.due_at), immediate: row.due_immediate === 1 };
  return { rule, dueAt: row.due_at, immediate: due.immediate, state: dueState(due, now) };
}

/**
 * ORDER BY of a list. "Khẩn trước" follows domain/deadlines.ts byPressing: late first, then the
 * urgent steps wanted at once, then by due time (nothing due last), newest first among equals.
 * The same order in SQL, so LIMIT keeps the most pressing ones.
 */
export function listOrder(
  order: 'moi-nhat' | 'khan-truoc' | undefined,
  now: Date,
  alias = '',
): { sql: string; params: unknown[] } {
  const a = alias === '' ? '' : `${alias}.`;
  if (order !== 'khan-truoc') {
    return { sql: `${a}doc_no DESC`, params: [] };
  }
  return {
    sql: `CASE WHEN ${a}due_at IS NULL THEN 3 WHEN ${a}due_at < ? THEN 0 WHEN ${a}due_immediate = 1 THEN 1 ELSE 2 END,
      ${a}due_at, ${a}doc_no DESC`,
    params: [now.toISOString()],
  };
}
