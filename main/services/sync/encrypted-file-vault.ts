import { existsSync, readFileSync, rmSync } from 'node:fs';
import { writeFileAtomicSync } from '../disk/atomic-write.ts';
import { z } from 'zod';
import type { SessionVault, StoredSession } from './session-vault.ts';

/** The session file is decrypted from disk: parsed, and a file of another shape is dropped as unreadable. */
const StoredSessionSchema: z.ZodType<StoredSession> = z.object({
  serverUrl: z.string(),
  username: z.string(),
  maDinhDanh: z.string(),
  refreshToken: z.string(),
});

/** OS-backed encryption (Electron's safeStorage in the app): the only port this vault needs. */
export interface SecretCipher {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

/**
 * The session kept in one encrypted file. Where the OS offers no encryption the session stays
 * in memory for this run only, never in plain text; a file that cannot be decrypted (another
 * OS account, damage) is removed and the user is asked to log in again.
 */
export function createEncryptedFileVault(path: string, cipher: SecretCipher): SessionVault {
  let memory: StoredSession | null = null;
  return {
    async load() {
      if (memory !== null) {
        return memory;
      }
      if (!existsSync(path) || !cipher.isEncryptionAvailable()) {
        return null;
      }
      try {
        memory = StoredSessionSchema.parse(JSON.parse(cipher.decryptString(readFileSync(path))));
        return memory;
      } catch {
        rmSync(path, { force: true });
        return null;
      }
    },
    async save(session) {
      memory = session;
      if (!cipher.isEncryptionAvailable()) {
        return;
      }
      // Written aside and renamed: a crash leaves the old session or the new one, never half of one.
      writeFileAtomicSync(path, cipher.encryptString(JSON.stringify(session)), { mode: 0o600 });
    },
    async clear() {
      memory = null;
      rmSync(path, { force: true });
    },
  };
}
