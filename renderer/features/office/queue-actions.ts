import { personCan, type PersonRole, type StepKind } from '../../../preload/contract/office-roles.ts';

/**
 * The steps a case waits for in each state (the server's order, server/office/steps.ts). Only the
 * steps of the person it waits on: a leader who has assigned is not offered to assign again from
 * the same queue item, and the issuing chain after signing belongs to the văn thư.
 */
const NEXT_STEPS: Readonly<Record<string, readonly StepKind[]>> = {
  'da-trinh': ['assign'],
  'phan-cong': ['progress', 'complete'],
  'dang-xu-ly': ['progress', 'complete'],
  'du-thao': ['submit-for-signature', 'withdraw-draft'],
  'tra-lai': ['submit-for-signature', 'withdraw-draft'],
  'xem-xet': ['submit-for-signature', 'return-draft'],
  'trinh-ky': ['sign', 'return-draft'],
  'da-ky': ['number'],
  'da-cap-so': ['seal'],
  'da-dong-dau': ['publish'],
  'da-phat-hanh': ['recall'],
};

/**
 * What the queue offers on one item: the steps its case waits for that the person's roles allow
 * (the one role table, office-roles.ts). Main checks the role again, and the server has the last
 * word; this only decides which buttons to show. A step kind is offered once per case: on the
 * newest item of that case (`newest`), so an older item of a case shows no buttons.
 */
export function queueActions(caseState: string, roles: readonly PersonRole[], newest: boolean): StepKind[] {
  if (!newest) {
    return [];
  }
  return (NEXT_STEPS[caseState] ?? []).filter((step) => personCan(roles, step));
}
