import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEncryptedFileVault, type SecretCipher } from '../../../main/services/sync/encrypted-file-vault.ts';

/** A real cipher at the port (AES-256-GCM with a per-test key), standing in for the OS keychain. */
function aesCipher(available = true): SecretCipher {
  const key = randomBytes(32);
  return {
    isEncryptionAvailable: () => available,
    encryptString(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]);
    },
    decryptString(encrypted) {
      const decipher = createDecipheriv('aes-256-gcm', key, encrypted.subarray(0, 12));
      decipher.setAuthTag(encrypted.subarray(12, 28));
      return Buffer.concat([decipher.update(encrypted.subarray(28)), decipher.final()]).toString('utf8');
    },
  };
}

const session = {
  serverUrl: 'https://qlvb.example.gov.vn',
  username: 'vanthu.snv',
  maDinhDanh: '000.00.01.H99',
  refreshToken: `rt-${randomBytes(16).toString('hex')}`,
};

describe('encrypted session vault', () => {
  it('keeps the session across restarts, encrypted on disk', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'vanthu-vault-')), 'sync-session.bin');
    const cipher = aesCipher();
    await createEncryptedFileVault(path, cipher).save(session);
    expect(readFileSync(path).toString('latin1')).not.toContain(session.refreshToken);
    expect(await createEncryptedFileVault(path, cipher).load()).toEqual(session);
    await createEncryptedFileVault(path, cipher).clear();
    expect(existsSync(path)).toBe(false);
  });

  it('without OS encryption keeps the session in memory only', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'vanthu-vault-')), 'sync-session.bin');
    const vault = createEncryptedFileVault(path, aesCipher(false));
    await vault.save(session);
    expect(await vault.load()).toEqual(session);
    expect(existsSync(path)).toBe(false);
  });

  it('drops a file it cannot decrypt and asks for a login', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'vanthu-vault-')), 'sync-session.bin');
    await createEncryptedFileVault(path, aesCipher()).save(session);
    // Another OS account (another key) cannot read it.
    expect(await createEncryptedFileVault(path, aesCipher()).load()).toBeNull();
    expect(existsSync(path)).toBe(false);
    writeFileSync(path, 'damaged');
    expect(await createEncryptedFileVault(path, aesCipher()).load()).toBeNull();
  });
});
