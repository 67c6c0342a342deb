import { needsArrivalCheck } from '../../../preload/contract/arrival-check.ts';
import type { IncomingDocument } from '../../../preload/contract/incoming.ts';
import { type vi } from '../../i18n/vi.ts';

/** The same rule as main's gate (one definition, in the contract). */
export const needsCheck = needsArrivalCheck;

export type VerdictKey = keyof typeof vi.arrival.verdict;

/** What the list shows in its Kiểm tra column. */
export function verdictKey(document: IncomingDocument): VerdictKey {
  if (document.arrivalCheck !== null) {
    return document.arrivalCheck.verdict;
  }
  return needsCheck(document) && document.state === 'da-den' ? 'pending' : 'none';
}
