/**
 * The office workflow's steps and who may take them (docs/glossary.md; shared/design/workflow.md).
 * Part of the contract between the workstation and the provincial server: one table, enforced
 * twice — in main before a step is written to the outbox (main/domain/office-steps.ts re-exports
 * it), and again by the server when it arrives (the server has the last word: a role may change
 * between the two). Pure data; imports nothing.
 */
export const PERSON_ROLES = ['van-thu', 'lanh-dao', 'chuyen-vien', 'truong-phong'] as const;
export type PersonRole = (typeof PERSON_ROLES)[number];

export const PERSON_ROLE_LABEL_VI: Readonly<Record<PersonRole, string>> = {
  'van-thu': 'Văn thư',
  'lanh-dao': 'Lãnh đạo',
  'chuyen-vien': 'Chuyên viên',
  'truong-phong': 'Trưởng phòng',
};

/** A case is one document's journey inside the organization: an incoming document, or an outgoing one from its draft. */
export type CaseKind = 'incoming' | 'outgoing';

export const STEP_KINDS = [
  'submit',
  'assign',
  'progress',
  'complete',
  'draft',
  'withdraw-draft',
  'submit-for-signature',
  'return-draft',
  'sign',
  'number',
  'seal',
  'publish',
  'recall',
] as const;
export type StepKind = (typeof STEP_KINDS)[number];

export const STEP_CASE_KIND: Readonly<Record<StepKind, CaseKind>> = {
  submit: 'incoming',
  assign: 'incoming',
  progress: 'incoming',
  complete: 'incoming',
  draft: 'outgoing',
  'withdraw-draft': 'outgoing',
  'submit-for-signature': 'outgoing',
  'return-draft': 'outgoing',
  sign: 'outgoing',
  number: 'outgoing',
  seal: 'outgoing',
  publish: 'outgoing',
  recall: 'outgoing',
};

/** Who may take each step [ND30 Điều 14, 20–23; S-TN26 Điều 8–9]. */
export const STEP_ROLES: Readonly<Record<StepKind, readonly PersonRole[]>> = {
  submit: ['van-thu'],
  assign: ['lanh-dao'],
  progress: ['chuyen-vien', 'truong-phong'],
  complete: ['chuyen-vien', 'truong-phong'],
  draft: ['chuyen-vien', 'truong-phong'],
  'withdraw-draft': ['chuyen-vien', 'truong-phong'],
  'submit-for-signature': ['chuyen-vien', 'truong-phong'],
  'return-draft': ['lanh-dao', 'truong-phong'],
  sign: ['lanh-dao'],
  number: ['van-thu'],
  seal: ['van-thu'],
  publish: ['van-thu'],
  recall: ['lanh-dao'],
};

export const STEP_LABEL_VI: Readonly<Record<StepKind, string>> = {
  submit: 'trình văn bản đến',
  assign: 'chỉ đạo, phân công',
  progress: 'báo cáo tiến độ',
  complete: 'báo cáo hoàn thành',
  draft: 'tạo dự thảo',
  'withdraw-draft': 'rút dự thảo',
  'submit-for-signature': 'trình ký',
  'return-draft': 'trả lại dự thảo',
  sign: 'ký duyệt',
  number: 'cấp số',
  seal: 'đóng dấu',
  publish: 'phát hành',
  recall: 'thu hồi',
};

/** Whether a person holding `roles` may take the step (one person may hold two roles). */
export function personCan(roles: readonly PersonRole[], step: StepKind): boolean {
  return roles.some((role) => STEP_ROLES[step].includes(role));
}

/** The status the sender organization receives when an incoming step is taken (vn-rules §4.5). */
export const STEP_SENDER_STATUS: Partial<Readonly<Record<StepKind, '04' | '05' | '06'>>> = {
  assign: '04',
  progress: '05',
  complete: '06',
};
