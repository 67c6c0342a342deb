import { stepsFrom, type PersonRole, type StepKind } from '../../../preload/contract/office-roles.ts';

/**
 * What the queue offers on one item: the steps its case waits for that the person's roles allow
 * (the one step table, office-roles.ts CASE_TRANSITIONS). Only the steps of the person it waits
 * on: a leader who has assigned is not offered to assign again from the same queue item, and the
 * issuing chain after signing belongs to the văn thư. Main checks the role again, and the server
 * has the last word; this only decides which buttons to show. A step kind is offered once per
 * case: on the newest item of that case (`newest`), so an older item of a case shows no buttons.
 */
export function queueActions(caseState: string, roles: readonly PersonRole[], newest: boolean): StepKind[] {
  return newest ? stepsFrom(caseState, roles) : [];
}
