import { createFileLogger } from '../services/log/file-logger.ts';
import type { Logger } from '../services/log/logger.ts';
import { openConfSettings } from '../services/settings/conf-settings.ts';
import type { SettingsStore } from '../services/settings/settings-store.ts';
import { profilePaths, type ProfilePaths } from './profile.ts';

export interface BaseOptions {
  readonly profileDir: string;
  /** electron-store in Electron; conf in Node when omitted. */
  readonly settings?: SettingsStore;
  readonly log?: Logger;
}

/** What every service is built on: the profile's folders, its log and its settings. */
export interface BaseServices {
  readonly profile: ProfilePaths;
  readonly log: Logger;
  readonly settings: SettingsStore;
}

/**
 * The first step of `composeServices`, apart so that the CLI can build one service on it
 * without importing the whole app.
 */
export function composeBase(options: BaseOptions): BaseServices {
  const profile = profilePaths(options.profileDir);
  return {
    profile,
    log: options.log ?? createFileLogger({ dir: profile.logs }),
    settings: options.settings ?? openConfSettings(profile.root),
  };
}
