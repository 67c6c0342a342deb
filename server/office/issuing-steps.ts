import type { StepBody } from '../../preload/contract/office.ts';
import { stateAfter, STEP_LABEL_VI } from '../../preload/contract/office-roles.ts';
import type { ServerState } from '../state.ts';
import { existing, fromStates, outOfOrder, type CaseRow, type Change } from './case-rows.ts';
import { withRole, type Person } from './people.ts';

/** The one-way steps after the signature (cấp số, đóng dấu, phát hành, thu hồi): their states come from the workflow table. */
export function decideIssuing(
  state: ServerState,
  caller: Person,
  row: CaseRow | undefined,
  body: Extract<StepBody, { kind: 'issue-number' | 'seal' | 'publish' | 'recall' }>,
): Change {
  const org = caller.org;
  switch (body.kind) {
    case 'issue-number':
    case 'seal':
    case 'publish': {
      const current = existing(row);
      if (!fromStates(body.kind).includes(current.state)) {
        outOfOrder(current, STEP_LABEL_VI[body.kind]);
      }
      const others = withRole(state, org, 'van-thu');
      return {
        fields: {
          state: stateAfter(body.kind),
          ...(body.kind === 'publish' ? { truc_document_id: body.trucDocumentId } : {}),
        },
        recipients: body.kind === 'publish' ? [current.drafter, current.director, ...others] : others,
      };
    }
    case 'recall': {
      const current = existing(row);
      if (!fromStates('recall').includes(current.state)) {
        outOfOrder(current, STEP_LABEL_VI.recall);
      }
      return {
        fields: { state: stateAfter('recall') },
        recipients: [current.drafter, ...withRole(state, org, 'van-thu')],
      };
    }
  }
}
