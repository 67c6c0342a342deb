import ElectronStore from 'electron-store';
import { createSettingsStore, type SettingsStore } from '../services/settings/settings-store.ts';

/** Settings inside Electron: electron-store (conf underneath), in the same profile folder. */
export function openElectronSettings(profileDir: string): SettingsStore {
  const store = new ElectronStore<Record<string, unknown>>({ cwd: profileDir, name: 'settings' });
  return createSettingsStore(store);
}
