/**
 * The office workflow's rule beyond the shared step table (preload/contract/office-roles.ts, the
 * contract with the server, which also says where a case stands after each step): the profile
 * role of a person.
 */
import type { PersonRole } from '../../preload/contract/office-roles.ts';
import type { UserRole } from '../../preload/contract/workflow.ts';

export {
  PERSON_ROLE_LABEL_VI,
  personCan,
  stateAfter,
  STEP_CASE_KIND,
  STEP_KINDS,
  STEP_LABEL_VI,
  STEP_ROLES,
  type CaseKind,
  type PersonRole,
  type StepKind,
} from '../../preload/contract/office-roles.ts';

/**
 * The workstation profile's single role (the workflow table's, preload/contract/workflow.ts) for a person holding `roles`: the
 * issuing chain's checks (roles.ts) then follow whoever signed in. A leader who also drafts acts
 * as a leader there; a department head drafts and reviews, as a chuyên viên does.
 */
export function profileRoleOf(roles: readonly PersonRole[]): UserRole {
  if (roles.includes('lanh-dao')) {
    return 'lanh-dao';
  }
  return roles.includes('van-thu') ? 'van-thu' : 'chuyen-vien';
}
