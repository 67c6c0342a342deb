import { safeStorage } from 'electron';
import type { Keystore } from '../services/vault/keystore.ts';

/** The OS keystore in Electron: safeStorage as it is (it already has the port's shape). */
export function electronKeystore(): Keystore {
  return {
    isEncryptionAvailable: () => safeStorage.isEncryptionAvailable(),
    encryptString: (plain) => safeStorage.encryptString(plain),
    decryptString: (encrypted) => safeStorage.decryptString(encrypted),
  };
}
