import { existsSync } from 'node:fs';
import type { ProfilePaths } from '../../platform/profile.ts';
import { encryptProfile, markerPath, needsEncryption, type EncryptProgress } from './encrypt-profile.ts';
import { isProfileEncrypted, setUpProfileKey, unlockProfileKey, type KeySources } from './profile-vault.ts';

export interface ProfileStart {
  /** The profile key, or undefined for a profile that stays plain. */
  readonly key: Buffer | undefined;
  /** Made at this start: to be shown once (printable), never stored. */
  readonly recoveryKey: string | null;
}

/**
 * What a shell does before composing the services: finish an encryption a kill interrupted,
 * unlock an encrypted profile, and — when `encryptPlain` — encrypt a plain profile in place (the
 * first start after the upgrade) or give a new profile its key. Synchronous: nothing else may
 * touch the profile meanwhile.
 */
export function startProfile(
  profile: ProfilePaths,
  sources: Omit<KeySources, 'profileRoot' | 'recoveryKey'>,
  options: { readonly encryptPlain: boolean },
  progress: (p: EncryptProgress) => void = () => undefined,
): ProfileStart {
  const interrupted = existsSync(markerPath(profile.root));
  if (interrupted || (options.encryptPlain && needsEncryption(profile))) {
    return encryptProfile(profile, sources, progress);
  }
  if (isProfileEncrypted(profile.root)) {
    return { key: unlockProfileKey({ ...sources, profileRoot: profile.root }), recoveryKey: null };
  }
  if (options.encryptPlain) {
    return setUpProfileKey({ ...sources, profileRoot: profile.root });
  }
  return { key: undefined, recoveryKey: null };
}
