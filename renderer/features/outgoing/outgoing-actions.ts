import type { OutgoingDocument } from '../../../preload/contract/outgoing.ts';
import {
  movesFrom,
  OUTGOING_TRANSITIONS,
  type OutgoingMove,
  type UserRole,
} from '../../../preload/contract/workflow.ts';

type State = OutgoingDocument['state'];

/** The steps the "Bước tiếp theo" panel has a control for; trả lại dự thảo has its own (ReturnDraft). */
export type NextStep = Exclude<OutgoingMove, 'outgoing.return'>;

/**
 * The next step of the issuing chain the person may take from the document's state: the workflow
 * table's row (preload/contract/workflow.ts) their role may take, as the store and main allow.
 */
export function nextAction(state: State, role: UserRole): NextStep | null {
  const row = movesFrom(OUTGOING_TRANSITIONS, state, role).find((move) => move.action !== 'outgoing.return');
  return row?.action ?? null;
}

/** Whether the person may send the draft back (the leader, under trình ký). */
export function mayReturn(state: State, role: UserRole): boolean {
  return movesFrom(OUTGOING_TRANSITIONS, state, role).some((move) => move.action === 'outgoing.return');
}
