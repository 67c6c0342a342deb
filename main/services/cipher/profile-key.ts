import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, scryptSync } from 'node:crypto';

/**
 * The profile key: 32 random bytes made once per profile. It never encrypts anything itself;
 * each use gets its own key derived with HKDF, so the database, the stored files and the
 * key check can never be confused with one another.
 */
export const PROFILE_KEY_BYTES = 32;

export type KeyPurpose = 'database' | 'files' | 'check' | 'backup';

export function newProfileKey(): Buffer {
  return randomBytes(PROFILE_KEY_BYTES);
}

export function deriveKey(profileKey: Buffer, purpose: KeyPurpose): Buffer {
  return Buffer.from(hkdfSync('sha256', profileKey, Buffer.alloc(0), `vanthu/${purpose}/v1`, 32));
}

/**
 * A public fingerprint of the key, kept beside the wrapped copies: it tells "wrong key" from
 * "damaged database" without trying to open the database, and reveals nothing of the key.
 */
export function keyCheck(profileKey: Buffer): string {
  return createHmac('sha256', deriveKey(profileKey, 'check')).update('vanthu profile key').digest('hex');
}

/** The profile key encrypted under a wrapping key (AES-256-GCM); JSON-friendly. */
export interface WrappedKey {
  readonly nonce: string;
  readonly ciphertext: string;
  readonly tag: string;
}

export function wrapKey(wrapping: Buffer, profileKey: Buffer): WrappedKey {
  const nonce = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', wrapping, nonce);
  const ciphertext = Buffer.concat([cipher.update(profileKey), cipher.final()]);
  return {
    nonce: nonce.toString('base64'),
    ciphertext: ciphertext.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
  };
}

/** The profile key, or null when the wrapping key is not the one it was wrapped with. */
export function unwrapKey(wrapping: Buffer, wrapped: WrappedKey): Buffer | null {
  try {
    const decipher = createDecipheriv('aes-256-gcm', wrapping, Buffer.from(wrapped.nonce, 'base64'));
    decipher.setAuthTag(Buffer.from(wrapped.tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(wrapped.ciphertext, 'base64')), decipher.final()]);
  } catch {
    return null;
  }
}

/** scrypt settings for a passphrase (N = 2^15: about 0.1 s and 32 MB here, once per start). */
export interface ScryptParams {
  readonly salt: string;
  readonly N: number;
  readonly r: number;
  readonly p: number;
}

export function newScryptParams(): ScryptParams {
  return { salt: randomBytes(16).toString('base64'), N: 2 ** 15, r: 8, p: 1 };
}

export function passphraseKey(passphrase: string, params: ScryptParams): Buffer {
  return scryptSync(passphrase.normalize('NFC'), Buffer.from(params.salt, 'base64'), 32, {
    N: params.N,
    r: params.r,
    p: params.p,
    maxmem: 128 * params.N * params.r * 2,
  });
}
