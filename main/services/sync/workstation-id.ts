import { v7 as uuidv7 } from 'uuid';
import type { SettingsStore } from '../settings/settings-store.ts';

/**
 * This installation's id: generated once, then read from the settings. The server records it
 * with each number lease, and lease requests are keyed by it, so two workstations of one
 * organization never share a key and a restart never changes it.
 */
export function ensureWorkstationId(settings: SettingsStore): string {
  const current = settings.get().server.workstationId;
  if (current !== '') {
    return current;
  }
  const created = uuidv7();
  settings.update({ server: { workstationId: created } });
  return created;
}
