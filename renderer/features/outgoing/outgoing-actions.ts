import type { OutgoingDocument } from '../../../preload/contract/outgoing.ts';

type State = OutgoingDocument['state'];

export type OutgoingActionId = 'submit' | 'sign' | 'number' | 'seal' | 'publish' | 'recall';

/** The next step of each state (ND30 Điều 14, S-TN26 Điều 9); the store enforces the same order. */
const NEXT: Readonly<Record<State, OutgoingActionId | null>> = {
  'du-thao': 'submit',
  'trinh-ky': 'sign',
  'da-ky': 'number',
  'da-cap-so': 'seal',
  'da-dong-dau': 'publish',
  'da-phat-hanh': 'recall',
  'da-thu-hoi': null,
};

export function nextAction(state: State): OutgoingActionId | null {
  return NEXT[state];
}
