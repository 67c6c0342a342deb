import type { ProfilePaths } from '../disk/profile-paths.ts';
import { restoreStore, type RestoreReport } from './backup.ts';
import { envelopePath, keyFromRecovery, parseEnvelope, writeSecretJson } from '../vault/key-files.ts';
import { isProfileEncrypted, rewrapProfileKey, unlockProfileKey, type KeySources } from '../vault/profile-vault.ts';

function currentKey(sources: KeySources): Buffer | undefined {
  if (!isProfileEncrypted(sources.profileRoot)) {
    return undefined;
  }
  try {
    return unlockProfileKey(sources);
  } catch {
    // Lost keystore or key file: only an encrypted backup (with its recovery key) can restore it.
    return undefined;
  }
}

/**
 * Restore a backup into the profile. An encrypted backup needs the recovery key printed at
 * set-up; the restored profile keeps the backup's profile key, which is then kept again where
 * this process finds it (keystore or key file), so the next start needs no recovery key.
 */
export function restoreProfile(profile: ProfilePaths, backupPath: string, sources: KeySources): RestoreReport {
  const key = currentKey(sources);
  const report = restoreStore(backupPath, profile.database, profile.files, {
    ...(sources.recoveryKey === undefined ? {} : { recoveryKey: sources.recoveryKey }),
    ...(key === undefined ? {} : { profileKey: key }),
    refusePlain: isProfileEncrypted(profile.root) && key === undefined,
  });
  if (report.envelopeJson !== undefined && sources.recoveryKey !== undefined) {
    const envelope = parseEnvelope(report.envelopeJson);
    const restoredKey = keyFromRecovery(envelope, sources.recoveryKey);
    if (restoredKey !== null) {
      writeSecretJson(envelopePath(profile.root), envelope);
      rewrapProfileKey(sources, restoredKey);
    }
  }
  return report;
}
