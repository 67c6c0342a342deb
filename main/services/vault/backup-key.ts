import { backupKeyOf, readEnvelope } from './key-files.ts';
import { deriveKey } from '../cipher/profile-key.ts';

/**
 * How a backup of an encrypted profile is encrypted: the whole file under the backup key,
 * which derives from the recovery key (so restoring needs the recovery key and nothing else),
 * carrying the profile's key envelope so a restore on a new PC gets the profile key back too.
 */
export interface BackupEncryption {
  /** The open database's own SQLCipher key (the snapshot comes out under it). */
  readonly databaseKey: Buffer;
  readonly backupKey: Buffer;
  readonly envelopeJson: string;
}

/** How to encrypt a backup of the unlocked profile at `profileRoot` (see `backupStore`). */
export function backupEncryption(profileRoot: string, profileKey: Buffer): BackupEncryption {
  const envelope = readEnvelope(profileRoot);
  if (envelope === null) {
    throw new Error('an encrypted profile without its key envelope');
  }
  // The keystore's copy stays behind: it is this PC's, and useless (or a leak) anywhere else.
  const { keystore: _thisPc, ...portable } = envelope;
  return {
    databaseKey: deriveKey(profileKey, 'database'),
    backupKey: backupKeyOf(envelope, profileKey),
    envelopeJson: JSON.stringify(portable),
  };
}
