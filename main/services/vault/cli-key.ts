import { defaultKeyFilePath } from './key-files.ts';
import { isProfileEncrypted, unlockProfileKey, type KeySources } from './profile-vault.ts';

/**
 * Where a headless process (CLI, browser shell) finds the profile key: the key file beside the
 * profile, opened by `VANTHU_KEY_PASSPHRASE` when it is passphrase-wrapped. No OS keystore:
 * that is Electron's.
 */
export function headlessKeySources(profileRoot: string, env: NodeJS.ProcessEnv): KeySources {
  const passphrase = env['VANTHU_KEY_PASSPHRASE'];
  return {
    profileRoot,
    keyFile: defaultKeyFilePath(profileRoot, env),
    ...(passphrase === undefined || passphrase === '' ? {} : { passphrase }),
  };
}

/** The key of an encrypted profile (`PROFILE_LOCKED` if it cannot be found); undefined for a plain one. */
export function cliProfileKey(profileRoot: string, env: NodeJS.ProcessEnv): Buffer | undefined {
  return isProfileEncrypted(profileRoot) ? unlockProfileKey(headlessKeySources(profileRoot, env)) : undefined;
}
