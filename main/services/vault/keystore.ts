/**
 * The OS keystore, as the profile key needs it: Electron's `safeStorage` in the app (DPAPI on
 * Windows, the Keychain on macOS, libsecret on Linux). The browser shell and the CLI have none
 * and use the key file instead (`services/vault/key-files.ts`).
 */
export interface Keystore {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

/** No keystore: the key must come from the key file or the recovery key. */
export const noKeystore: Keystore = {
  isEncryptionAvailable: () => false,
  encryptString: () => {
    throw new Error('no OS keystore');
  },
  decryptString: () => {
    throw new Error('no OS keystore');
  },
};
