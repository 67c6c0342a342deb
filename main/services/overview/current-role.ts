import type { UserRole } from '../../../preload/contract/workflow.ts';
import type { StoreCall } from '../store/store-client.ts';

/**
 * The role of the person at this workstation. Today it is the local profile's (Cài đặt → Vai
 * trò); when people sign in with their own accounts (issue #16) this is the one place to change.
 */
export async function currentRole(store: StoreCall): Promise<UserRole> {
  return (await store('profile.get')).role;
}
