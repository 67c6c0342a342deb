import type { UserRole } from '../../preload/contract/workflow.ts';
import { call } from '../app/ipc/call.ts';
import { useLoad } from '../app/ipc/use-load.ts';

/**
 * The profile's role, for offering only the workflow table's actions it may take (main checks the
 * same table again): 'loading' until the profile is read, null when it cannot be (nothing is then
 * offered). A screen waits for it with its document, so the buttons appear with the document.
 */
export function useRole(): UserRole | 'loading' | null {
  const profile = useLoad('profile.get', () => call('profile.get', {}), []);
  if (profile.data.state === 'loading') {
    return 'loading';
  }
  return profile.data.state === 'ready' ? profile.data.value.role : null;
}
