import type { IncomingDocument } from '../../../preload/contract/incoming.ts';
import { vi } from '../../i18n/vi.ts';
import { needsCheck } from './arrival-verdict.ts';

type State = IncomingDocument['state'];

export interface IncomingAction {
  readonly id: 'receive' | 'return' | 'submit' | 'assign' | 'start' | 'finish' | 'backToClerk' | 'removeFile';
  readonly to: State;
  readonly label: string;
  /** Asks for a note first: 'reason' (required) or 'opinion' (optional, with a deadline). */
  readonly ask?: 'reason' | 'opinion';
}

/**
 * What the user can do from each state (ND30 Điều 20–23, S-TN26 Điều 8). The store enforces the
 * same table and answers STATE_TRANSITION_INVALID if the two ever disagree.
 */
const BY_STATE: Readonly<Record<State, readonly IncomingAction[]>> = {
  'da-den': [
    { id: 'receive', to: 'da-tiep-nhan', label: vi.incoming.actions.receive },
    { id: 'return', to: 'tra-lai', label: vi.incoming.actions.return, ask: 'reason' },
  ],
  'da-tiep-nhan': [{ id: 'submit', to: 'da-trinh', label: vi.incoming.actions.submit, ask: 'opinion' }],
  'tra-lai': [],
  'da-trinh': [
    { id: 'assign', to: 'phan-cong', label: vi.incoming.actions.assign },
    { id: 'backToClerk', to: 'da-tiep-nhan', label: vi.incoming.actions.backToClerk },
  ],
  'phan-cong': [{ id: 'start', to: 'dang-xu-ly', label: vi.incoming.actions.start }],
  'dang-xu-ly': [{ id: 'finish', to: 'hoan-thanh', label: vi.incoming.actions.finish }],
  'hoan-thanh': [],
  'thu-hoi': [],
};

export function actionsFor(state: State): readonly IncomingAction[] {
  return BY_STATE[state];
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
