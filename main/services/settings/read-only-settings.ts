import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createSettingsStore, type SettingsStore } from './settings-store.ts';

/** The settings file in the profile folder, as conf names it (`<configName>.json`). */
export const SETTINGS_CONFIG_NAME = 'settings';

/**
 * The profile's settings for a command that only reads them (`vanthu verify`, run per file in
 * scripts): loading conf, with its schema compiler, takes longer than the whole read. Reads the
 * file conf writes as conf reads it: a missing file gives the defaults, a byte order mark is
 * skipped, a file that is not JSON is an error (conf's message, without the file's content).
 */
export function openReadOnlySettings(profileDir: string): SettingsStore {
  const path = join(profileDir, `${SETTINGS_CONFIG_NAME}.json`);
  return createSettingsStore({
    get store(): Record<string, unknown> {
      let text: string;
      try {
        text = readFileSync(path, 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
          return {};
        }
        throw error;
      }
      try {
        return JSON.parse(text.replace(/^\uFEFF/, '')) as Record<string, unknown>;
      } catch {
        throw new SyntaxError(`The config file \`${path}\` is not valid JSON.`);
      }
    },
    set store(_value: Record<string, unknown>) {
      throw new Error('read-only settings: compose the settings store to change them');
    },
  });
}
