import type { IncomingDocument } from '../../../preload/contract/incoming.ts';
import { type vi } from '../../i18n/vi.ts';

/** An electronic document is checked when it arrives; a paper one is not (the same rule as main's gate). */
export function needsCheck(document: Pick<IncomingDocument, 'fileSha256' | 'source'>): boolean {
  return document.fileSha256 !== null && document.source !== 'giay';
}

export type VerdictKey = keyof typeof vi.arrival.verdict;

/** What the list shows in its Kiểm tra column. */
export function verdictKey(document: IncomingDocument): VerdictKey {
  if (document.arrivalCheck !== null) {
    return document.arrivalCheck.verdict;
  }
  return needsCheck(document) && document.state === 'da-den' ? 'pending' : 'none';
}
