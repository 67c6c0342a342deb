import { errorMessageVi, VanthuError } from '../../../preload/contract/index.ts';
import {
  roleCan,
  USER_ROLE_LABEL_VI,
  WORKFLOW_ACTIONS,
  type WorkflowActionName,
} from '../../../preload/contract/workflow.ts';
import type { StoreCall } from '../store/store-client.ts';

/**
 * The workflow table's roles (preload/contract/workflow.ts) enforced in main: the renderer only
 * hides what a role cannot do. Read from the local profile on every action, so a change of role
 * applies at once.
 */
export async function requireRole(store: StoreCall, action: WorkflowActionName): Promise<void> {
  const profile = await store('profile.get');
  if (!roleCan(profile.role, action)) {
    throw new VanthuError(
      'ROLE_NOT_ALLOWED',
      errorMessageVi(
        'ROLE_NOT_ALLOWED',
        `${USER_ROLE_LABEL_VI[profile.role]} không được ${WORKFLOW_ACTIONS[action].duty}.`,
      ),
      { details: { role: profile.role, action } },
    );
  }
}
