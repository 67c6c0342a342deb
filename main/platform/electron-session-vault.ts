import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { safeStorage } from 'electron';
import type { SessionVault, StoredSession } from '../services/sync/session-vault.ts';

/**
 * The server session in Electron: the refresh token encrypted by `safeStorage` (DPAPI on
 * Windows, Keychain on macOS, the secret service on Linux) in the profile folder. Where the OS
 * offers no encryption the token stays in memory for this run only, never in plain text.
 */
export function createElectronSessionVault(profileDir: string): SessionVault {
  const path = join(profileDir, 'sync-session.bin');
  let memory: StoredSession | null = null;
  return {
    async load() {
      if (memory !== null) {
        return memory;
      }
      if (!existsSync(path) || !safeStorage.isEncryptionAvailable()) {
        return null;
      }
      try {
        memory = JSON.parse(safeStorage.decryptString(readFileSync(path))) as StoredSession;
        return memory;
      } catch {
        // Encrypted by another OS account or a damaged file: ask for a login instead.
        rmSync(path, { force: true });
        return null;
      }
    },
    async save(session) {
      memory = session;
      if (!safeStorage.isEncryptionAvailable()) {
        return;
      }
      const temp = `${path}.tmp`;
      writeFileSync(temp, safeStorage.encryptString(JSON.stringify(session)), { mode: 0o600 });
      renameSync(temp, path);
    },
    async clear() {
      memory = null;
      rmSync(path, { force: true });
    },
  };
}
