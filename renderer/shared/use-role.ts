import type { UserRole } from '../../preload/contract/workflow.ts';
import { call } from '../app/ipc/call.ts';
import { useLoad } from '../app/ipc/use-load.ts';

/**
 * The profile's role, for offering only the workflow table's actions it may take (main checks the
 * same table again). Null until the profile has loaded, or when it cannot be: then nothing is offered.
 */
export function useRole(): UserRole | null {
  const profile = useLoad('profile.get', () => call('profile.get', {}), []);
  return profile.data.state === 'ready' ? profile.data.value.role : null;
}
