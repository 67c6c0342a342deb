import Conf from 'conf';
import { SETTINGS_CONFIG_NAME } from './read-only-settings.ts';
import { createSettingsStore, type SettingsStore } from './settings-store.ts';

/** Settings for plain Node (CLI, browser host): the same JSON file electron-store would write. */
export function openConfSettings(profileDir: string): SettingsStore {
  const conf = new Conf<Record<string, unknown>>({
    cwd: profileDir,
    configName: SETTINGS_CONFIG_NAME,
    projectName: 'vanthu',
  });
  return createSettingsStore(conf);
}
