import type { BackupEncryption } from '../store/backup.ts';
import { backupKeyOf, readEnvelope } from './key-files.ts';
import { deriveKey } from '../cipher/profile-key.ts';

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
