import { readDraft, writeDraft } from '../../app/drafts.ts';

/** The phân công form's unsaved input, kept per document (see AssignDialog). */
export interface AssignDraft {
  chuTri: string;
  phoiHop: string;
  hanXuLy: string;
  yKien: string;
}

export const EMPTY_ASSIGN_DRAFT: AssignDraft = { chuTri: '', phoiHop: '', hanXuLy: '', yKien: '' };

export const assignDraftKey = (documentId: string): string => `incoming.${documentId}.assign`;

/**
 * Puts a suggestion into the phân công form before it is opened (the assistant's "Dùng hạn
 * này"): the leader still sees, changes and confirms it there; nothing is assigned here.
 */
export function prefillAssignment(documentId: string, patch: Partial<AssignDraft>): void {
  const key = assignDraftKey(documentId);
  writeDraft(key, { ...EMPTY_ASSIGN_DRAFT, ...readDraft<AssignDraft>(key), ...patch });
}
