import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Keystore } from '../../../main/services/vault/keystore.ts';
import { formatRecoveryKey, newRecoveryKey, parseRecoveryKey } from '../../../main/services/vault/recovery-key.ts';
import { rewrapProfileKey, setUpProfileKey, unlockProfileKey } from '../../../main/services/vault/profile-vault.ts';
import { envelopePath } from '../../../main/services/vault/key-files.ts';

/** A keystore double: XOR with a per-"OS account" byte, enough to tell accounts apart. */
function fakeKeystore(account: number): Keystore {
  const xor = (b: Buffer): Buffer => Buffer.from(b.map((x) => x ^ account));
  return {
    isEncryptionAvailable: () => true,
    encryptString: (plain) => Buffer.concat([Buffer.from([account]), xor(Buffer.from(plain))]),
    decryptString: (enc) => {
      if (enc[0] !== account) {
        throw new Error('another account');
      }
      return xor(enc.subarray(1)).toString();
    },
  };
}

function profileDir(): { root: string; keyFile: string } {
  const base = mkdtempSync(join(tmpdir(), 'vanthu-key-'));
  return { root: join(base, 'profile'), keyFile: join(base, 'profile.key') };
}

describe('recovery key', () => {
  it('prints as 8 groups of 4 and reads back forgiving case, spaces and look-alikes', () => {
    const key = newRecoveryKey();
    expect(key).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){7}[0-9A-HJKMNP-TV-Z]{4}$/);
    const bytes = parseRecoveryKey(key);
    expect(bytes).not.toBeNull();
    expect(formatRecoveryKey(bytes as Buffer)).toBe(key);
    const sloppy = key.toLowerCase().replace(/-/g, ' ').replace(/0/g, 'o').replace(/1/g, 'l');
    expect(parseRecoveryKey(sloppy)?.equals(bytes as Buffer)).toBe(true);
    expect(parseRecoveryKey(key.slice(0, -1))).toBeNull();
    expect(parseRecoveryKey(key.replace(/.$/, 'U'))).toBeNull();
  });
});

describe('profile key', () => {
  it('keeps the key in an owner-only key file without a keystore, and the passphrase wraps it', async () => {
    const { mkdirSync } = await import('node:fs');
    const p = profileDir();
    mkdirSync(p.root);
    const { key, recoveryKey } = setUpProfileKey({
      profileRoot: p.root,
      keyFile: p.keyFile,
      passphrase: 'mật khẩu dài',
    });
    expect(statSync(p.keyFile).mode & 0o777).toBe(0o600);
    expect(statSync(envelopePath(p.root)).mode & 0o777).toBe(0o600);
    expect(unlockProfileKey({ profileRoot: p.root, keyFile: p.keyFile, passphrase: 'mật khẩu dài' }).equals(key)).toBe(
      true,
    );
    expect(() => unlockProfileKey({ profileRoot: p.root, keyFile: p.keyFile, passphrase: 'sai' })).toThrow(
      expect.objectContaining({ code: 'PROFILE_KEY_WRONG' }),
    );
    expect(() => unlockProfileKey({ profileRoot: p.root, keyFile: p.keyFile })).toThrow(
      expect.objectContaining({ code: 'PROFILE_LOCKED' }),
    );
    // The recovery key opens it without the key file (a copied profile on another PC).
    expect(unlockProfileKey({ profileRoot: p.root, recoveryKey }).equals(key)).toBe(true);
    expect(() => unlockProfileKey({ profileRoot: p.root, recoveryKey: newRecoveryKey() })).toThrow(
      expect.objectContaining({ code: 'PROFILE_KEY_WRONG' }),
    );
  });

  it('wraps the key with the OS keystore; another account needs the recovery key, then is re-wrapped', async () => {
    const { mkdirSync } = await import('node:fs');
    const p = profileDir();
    mkdirSync(p.root);
    const { key, recoveryKey } = setUpProfileKey({ profileRoot: p.root, keystore: fakeKeystore(1) });
    expect(unlockProfileKey({ profileRoot: p.root, keystore: fakeKeystore(1) }).equals(key)).toBe(true);
    expect(() => unlockProfileKey({ profileRoot: p.root, keystore: fakeKeystore(2) })).toThrow(
      expect.objectContaining({ code: 'PROFILE_LOCKED' }),
    );
    const recovered = unlockProfileKey({ profileRoot: p.root, keystore: fakeKeystore(2), recoveryKey });
    rewrapProfileKey({ profileRoot: p.root, keystore: fakeKeystore(2) }, recovered);
    expect(unlockProfileKey({ profileRoot: p.root, keystore: fakeKeystore(2) }).equals(key)).toBe(true);
  });
});
