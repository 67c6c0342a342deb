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
  'issue-number',
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
  'issue-number': 'outgoing',
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
  'issue-number': ['van-thu'],
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
  'issue-number': 'cấp số',
  seal: 'đóng dấu',
  publish: 'phát hành',
  recall: 'thu hồi',
};

/**
 * The case's journey (the server reads it too, server/office/steps.ts): from which states each step may
 * be taken, in the order a queue offers them, and where the case stands after it. `new` is a step
 * that opens a case; a trình ký through a trưởng phòng stops at `xem-xet` first (`toVia`). Main
 * records the state after a step at once (the server has the last word); the queue offers a
 * person the steps of the case's state that their roles allow.
 */
export const CASE_TRANSITIONS: readonly {
  readonly from: string;
  readonly step: StepKind;
  readonly to: string;
  readonly toVia?: string;
}[] = [
  { from: 'new', step: 'submit', to: 'da-trinh' },
  { from: 'da-trinh', step: 'assign', to: 'phan-cong' },
  { from: 'phan-cong', step: 'progress', to: 'dang-xu-ly' },
  { from: 'phan-cong', step: 'complete', to: 'hoan-thanh' },
  { from: 'dang-xu-ly', step: 'progress', to: 'dang-xu-ly' },
  { from: 'dang-xu-ly', step: 'complete', to: 'hoan-thanh' },
  { from: 'new', step: 'draft', to: 'du-thao' },
  { from: 'du-thao', step: 'submit-for-signature', to: 'trinh-ky', toVia: 'xem-xet' },
  { from: 'du-thao', step: 'withdraw-draft', to: 'da-rut' },
  { from: 'tra-lai', step: 'submit-for-signature', to: 'trinh-ky', toVia: 'xem-xet' },
  { from: 'tra-lai', step: 'withdraw-draft', to: 'da-rut' },
  { from: 'xem-xet', step: 'submit-for-signature', to: 'trinh-ky' },
  { from: 'xem-xet', step: 'return-draft', to: 'tra-lai' },
  { from: 'trinh-ky', step: 'sign', to: 'da-ky' },
  { from: 'trinh-ky', step: 'return-draft', to: 'tra-lai' },
  { from: 'da-ky', step: 'issue-number', to: 'da-cap-so' },
  { from: 'da-cap-so', step: 'seal', to: 'da-dong-dau' },
  { from: 'da-dong-dau', step: 'publish', to: 'da-phat-hanh' },
  { from: 'da-phat-hanh', step: 'recall', to: 'da-thu-hoi' },
];

/** Where a case stands once a step is taken (the same wherever the step is taken from). */
export function stateAfter(step: StepKind, viaDepartmentHead = false): string {
  const row = CASE_TRANSITIONS.find((candidate) => candidate.step === step);
  if (row === undefined) {
    throw new Error(`no row for ${step} in CASE_TRANSITIONS`);
  }
  return viaDepartmentHead ? (row.toVia ?? row.to) : row.to;
}

/** The steps a case in `state` waits for that a person holding `roles` may take, in the table's order. */
export function stepsFrom(state: string, roles: readonly PersonRole[]): StepKind[] {
  return CASE_TRANSITIONS.filter((row) => row.from === state && personCan(roles, row.step)).map((row) => row.step);
}

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
