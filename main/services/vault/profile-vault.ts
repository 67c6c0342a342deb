import { existsSync } from 'node:fs';
import { VanthuError } from '../../../preload/contract/errors.ts';
import { errorMessageVi } from '../../../preload/contract/error-messages.vi.ts';
import { noKeystore, type Keystore } from './keystore.ts';
import {
  envelopePath,
  keyFromKeyFile,
  keyFromKeystore,
  keyFromRecovery,
  makeEnvelope,
  makeKeyFile,
  readEnvelope,
  readKeyFile,
  writeSecretJson,
} from './key-files.ts';
import { newProfileKey } from '../cipher/profile-key.ts';
import { newRecoveryKey } from './recovery-key.ts';

/** How this process may find the profile key. */
export interface KeySources {
  readonly profileRoot: string;
  /** safeStorage in Electron; none in the browser shell and the CLI. */
  readonly keystore?: Keystore;
  /** The key file (browser shell, CLI); `defaultKeyFilePath` unless told otherwise. */
  readonly keyFile?: string;
  readonly passphrase?: string;
  readonly recoveryKey?: string;
}

export function isProfileEncrypted(profileRoot: string): boolean {
  return existsSync(envelopePath(profileRoot));
}

/**
 * Make the profile key of a new (or not yet encrypted) profile and keep it wrapped: by the OS
 * keystore when there is one, else in the key file (by the passphrase when one is given); and
 * always by the recovery key, which is returned to be shown once and never stored.
 */
export function setUpProfileKey(sources: KeySources): { key: Buffer; recoveryKey: string } {
  const key = newProfileKey();
  const recoveryKey = newRecoveryKey();
  const keystore = sources.keystore ?? noKeystore;
  if (!keystore.isEncryptionAvailable()) {
    if (sources.keyFile === undefined) {
      throw new Error('no keystore and no key file: nowhere to keep the profile key');
    }
    // The key file first: an envelope without a way to open it would lock the person out.
    writeSecretJson(sources.keyFile, makeKeyFile(key, sources.passphrase));
  }
  writeSecretJson(envelopePath(sources.profileRoot), makeEnvelope(key, recoveryKey, keystore));
  return { key, recoveryKey };
}

function wrong(detail: string): VanthuError {
  return new VanthuError('PROFILE_KEY_WRONG', errorMessageVi('PROFILE_KEY_WRONG'), { details: { source: detail } });
}

/**
 * The profile key, from the first source that opens it: a recovery key typed now, the OS
 * keystore, the key file. `PROFILE_KEY_WRONG` when a given secret does not open it;
 * `PROFILE_LOCKED` when nothing was available to try.
 */
export function unlockProfileKey(sources: KeySources): Buffer {
  const envelope = readEnvelope(sources.profileRoot);
  if (envelope === null) {
    throw new VanthuError('PROFILE_LOCKED', errorMessageVi('PROFILE_LOCKED', '(hồ sơ chưa được mã hóa)'));
  }
  if (sources.recoveryKey !== undefined) {
    const key = keyFromRecovery(envelope, sources.recoveryKey);
    if (key === null) {
      throw wrong('recovery');
    }
    return key;
  }
  const fromKeystore = keyFromKeystore(envelope, sources.keystore ?? noKeystore);
  if (fromKeystore !== null) {
    return fromKeystore;
  }
  const file = sources.keyFile === undefined ? null : readKeyFile(sources.keyFile);
  if (file !== null) {
    const result = keyFromKeyFile(file, sources.passphrase);
    if ('key' in result) {
      return result.key;
    }
    if (result.wrong) {
      throw wrong(file.key === undefined ? 'passphrase' : 'key-file');
    }
  }
  throw new VanthuError('PROFILE_LOCKED', errorMessageVi('PROFILE_LOCKED'), {
    details: { keyFile: file !== null, needsPassphrase: file?.passphrase !== undefined },
  });
}

/**
 * After a recovery (a new PC, a reset keystore, a lost key file): keep the key again where
 * this process finds it next time, so the recovery key is not needed at every start.
 */
export function rewrapProfileKey(sources: KeySources, key: Buffer): void {
  const keystore = sources.keystore ?? noKeystore;
  const envelope = readEnvelope(sources.profileRoot);
  if (envelope === null) {
    return;
  }
  if (keystore.isEncryptionAvailable()) {
    writeSecretJson(envelopePath(sources.profileRoot), {
      ...envelope,
      keystore: keystore.encryptString(key.toString('base64')).toString('base64'),
    });
  } else if (sources.keyFile !== undefined) {
    writeSecretJson(sources.keyFile, makeKeyFile(key, sources.passphrase));
  }
}
