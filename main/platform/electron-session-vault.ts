import { join } from 'node:path';
import { safeStorage } from 'electron';
import { createEncryptedFileVault } from '../services/sync/encrypted-file-vault.ts';
import type { SessionVault } from '../services/sync/session-vault.ts';

/**
 * The server session in Electron: the refresh token encrypted by `safeStorage` (DPAPI on
 * Windows, Keychain on macOS, the secret service on Linux) in the profile folder.
 */
export function createElectronSessionVault(profileDir: string): SessionVault {
  return createEncryptedFileVault(join(profileDir, 'sync-session.bin'), safeStorage);
}
