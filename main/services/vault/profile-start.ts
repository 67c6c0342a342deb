import { existsSync } from 'node:fs';
import type { ProfilePaths } from '../disk/profile-paths.ts';
import {
  encryptProfile,
  encryptProfileYielding,
  markerPath,
  needsEncryption,
  type EncryptProgress,
} from './encrypt-profile.ts';
import { isProfileEncrypted, setUpProfileKey, unlockProfileKey, type KeySources } from './profile-vault.ts';

export interface ProfileStart {
  /** The profile key, or undefined for a profile that stays plain. */
  readonly key: Buffer | undefined;
  /** Made at this start: to be shown once (printable), never stored. */
  readonly recoveryKey: string | null;
}

/**
 * Whether this start encrypts the profile in place (an interrupted run, or a plain profile holding
 * data when encryption is on): the one case long enough for a shell to show progress.
 */
export function encryptsAtStart(profile: ProfilePaths, options: { readonly encryptPlain: boolean }): boolean {
  return existsSync(markerPath(profile.root)) || (options.encryptPlain && needsEncryption(profile));
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
  if (encryptsAtStart(profile, options)) {
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

/**
 * Encryption at rest is on by default: a new profile gets its key at set-up and a plain one is
 * encrypted in place on the first start after the upgrade. `VANTHU_ENCRYPT_PROFILE=0` keeps a
 * plain profile plain (the benchmarks' plain column, development); an encrypted profile is always
 * opened encrypted.
 */
export function encryptsByDefault(env: NodeJS.ProcessEnv): boolean {
  return env['VANTHU_ENCRYPT_PROFILE'] !== '0';
}

/** `startProfile` giving the event loop a turn between the steps of an encryption (Electron's progress window). */
export async function startProfileYielding(
  profile: ProfilePaths,
  sources: Omit<KeySources, 'profileRoot' | 'recoveryKey'>,
  options: { readonly encryptPlain: boolean },
  progress: (p: EncryptProgress) => void,
): Promise<ProfileStart> {
  if (encryptsAtStart(profile, options)) {
    return encryptProfileYielding(profile, sources, progress);
  }
  return startProfile(profile, sources, options, progress);
}
