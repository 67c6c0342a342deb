import type { DocumentFilter } from '../../../preload/contract/incoming.ts';

export const FILTER_IDS = ['all', 'received', 'waiting', 'submitted', 'processing', 'overdue'] as const;
export type FilterId = (typeof FILTER_IDS)[number];

/** Each quick filter as the store's DocumentFilter (one state, or the overdue rule). */
export function filterRequest(id: FilterId, search: string): Partial<DocumentFilter> {
  const base: Partial<DocumentFilter> = search.trim() === '' ? {} : { search: search.trim() };
  switch (id) {
    case 'received':
      return { ...base, state: 'da-den' };
    case 'waiting':
      return { ...base, state: 'da-tiep-nhan' };
    case 'submitted':
      return { ...base, state: 'da-trinh' };
    case 'processing':
      return { ...base, state: 'dang-xu-ly' };
    case 'overdue':
      return { ...base, overdue: true };
    default:
      return base;
  }
}

export function soKyHieu(doc: { so: string; kyHieu: string }): string {
  return doc.kyHieu === '' ? doc.so : `${doc.so}/${doc.kyHieu}`;
}
