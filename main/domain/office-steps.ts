/**
 * The office workflow's rules beyond the shared role table (preload/contract/office-roles.ts, the
 * contract with the server): where a case stands after each step, and the profile role of a person.
 */
import type { PersonRole, StepKind } from '../../preload/contract/office-roles.ts';

export {
  PERSON_ROLES,
  PERSON_ROLE_LABEL_VI,
  personCan,
  STEP_CASE_KIND,
  STEP_KINDS,
  STEP_LABEL_VI,
  STEP_ROLES,
  STEP_SENDER_STATUS,
  type CaseKind,
  type PersonRole,
  type StepKind,
} from '../../preload/contract/office-roles.ts';

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
