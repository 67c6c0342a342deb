import { createFileLogger } from '../services/log/file-logger.ts';
import type { Logger } from '../services/log/logger.ts';
import type { SettingsStore } from '../services/settings/settings-store.ts';
import { profilePaths, type ProfilePaths } from '../services/disk/profile-paths.ts';

export interface BaseOptions {
  readonly profileDir: string;
  /** Chosen by the caller: electron-store, conf, or read-only for a command that only reads. */
  readonly settings: SettingsStore;
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
    settings: options.settings,
  };
}
