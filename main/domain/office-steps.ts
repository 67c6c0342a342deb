/**
 * The office workflow's steps and who may take them (docs/glossary.md; shared/design/workflow.md).
 * One table, enforced twice: in main before a step is written to the outbox, and again by the
 * server when it arrives (the server has the last word: a role may change between the two).
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

/** Where a case stands once a step is taken (the server's word; a workstation shows it at once). */
export function stateAfter(step: StepKind, viaDepartmentHead = false): string {
  switch (step) {
    case 'submit':
      return 'da-trinh';
    case 'assign':
      return 'phan-cong';
    case 'progress':
      return 'dang-xu-ly';
    case 'complete':
      return 'hoan-thanh';
    case 'draft':
      return 'du-thao';
    case 'withdraw-draft':
      return 'da-rut';
    case 'submit-for-signature':
      return viaDepartmentHead ? 'xem-xet' : 'trinh-ky';
    case 'return-draft':
      return 'tra-lai';
    case 'sign':
      return 'da-ky';
    case 'number':
      return 'da-cap-so';
    case 'seal':
      return 'da-dong-dau';
    case 'publish':
      return 'da-phat-hanh';
    case 'recall':
      return 'da-thu-hoi';
  }
}

export const CASE_STATE_LABEL_VI: Readonly<Record<string, string>> = {
  'da-trinh': 'Đã trình',
  'phan-cong': 'Đã phân công',
  'dang-xu-ly': 'Đang xử lý',
  'hoan-thanh': 'Hoàn thành',
  'du-thao': 'Dự thảo',
  'da-rut': 'Đã rút dự thảo',
  'xem-xet': 'Trưởng phòng xem xét',
  'trinh-ky': 'Trình ký',
  'tra-lai': 'Bị trả lại',
  'da-ky': 'Đã ký',
  'da-cap-so': 'Đã cấp số',
  'da-dong-dau': 'Đã đóng dấu',
  'da-phat-hanh': 'Đã phát hành',
  'da-thu-hoi': 'Đã thu hồi',
};

/**
 * The workstation profile's single role (domain/user-role.ts) for a person holding `roles`: the
 * issuing chain's checks (roles.ts) then follow whoever signed in. A leader who also drafts acts
 * as a leader there; a department head drafts and reviews, as a chuyên viên does.
 */
export function profileRoleOf(roles: readonly PersonRole[]): 'van-thu' | 'lanh-dao' | 'chuyen-vien' {
  if (roles.includes('lanh-dao')) {
    return 'lanh-dao';
  }
  return roles.includes('van-thu') ? 'van-thu' : 'chuyen-vien';
}
