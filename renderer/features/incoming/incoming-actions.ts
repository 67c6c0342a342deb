import type { IncomingDocument } from '../../../preload/contract/incoming.ts';
import {
  INCOMING_TRANSITIONS,
  movesFrom,
  WORKFLOW_ACTIONS,
  type IncomingMove,
  type UserRole,
} from '../../../preload/contract/workflow.ts';
import { needsCheck } from './arrival-verdict.ts';

type State = IncomingDocument['state'];

export interface IncomingAction {
  readonly action: IncomingMove;
  readonly to: State;
  readonly label: string;
  /** Asks for a note first: 'reason' (required) or 'opinion' (optional, with a deadline). */
  readonly ask?: 'reason' | 'opinion';
}

/**
 * The moves this screen has a button for, and what each asks first. A recall comes from the
 * sender through sync, and asking the leader again is not offered here: the table's other rows.
 */
const OFFERED: Partial<Readonly<Record<IncomingMove, Pick<IncomingAction, 'ask'>>>> = {
  'incoming.receive': {},
  'incoming.return': { ask: 'reason' },
  'incoming.submit': { ask: 'opinion' },
  'incoming.assign': {},
  'incoming.backToClerk': {},
  'incoming.start': {},
  'incoming.finish': {},
};

/**
 * What the person can do from each state: the workflow table's rows (preload/contract/workflow.ts)
 * from that state that their role may take, which are what the store and main's role check allow.
 */
export function actionsFor(state: State, role: UserRole): readonly IncomingAction[] {
  return movesFrom(INCOMING_TRANSITIONS, state, role).flatMap((row) => {
    const offered = OFFERED[row.action];
    return offered === undefined
      ? []
      : [{ action: row.action, to: row.to, label: WORKFLOW_ACTIONS[row.action].button, ...offered }];
  });
}

/**
 * What tiếp nhận needs (main enforces the same): nothing for a paper document or a valid check;
 * the clerk's reason for an indeterminate one; nothing can be done for an invalid one but trả
 * lại; and the check must have finished.
 */
export function receiveGate(document: IncomingDocument): 'open' | 'pending' | 'anyway' | 'refused' {
  if (!needsCheck(document)) {
    return 'open';
  }
  const verdict = document.arrivalCheck?.verdict;
  if (verdict === undefined) {
    return 'pending';
  }
  return verdict === 'invalid' ? 'refused' : verdict === 'indeterminate' ? 'anyway' : 'open';
}
