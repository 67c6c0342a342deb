import { hkdfSync, randomBytes } from 'node:crypto';

/**
 * The recovery key: 160 random bits shown once at set-up, to print or write down. Written in
 * Crockford's base32 (no I, L, O, U: nothing to misread on paper) as 8 groups of 4, e.g.
 * `7K3Q-M0ZD-…`. Reading it back forgives case, spaces, dashes and the look-alikes O→0, I/L→1.
 * It has enough entropy to be a key itself, so it is stretched with HKDF, not a slow KDF.
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const RECOVERY_BYTES = 20;
const RECOVERY_CHARS = 32;

export function newRecoveryKey(): string {
  return formatRecoveryKey(randomBytes(RECOVERY_BYTES));
}

export function formatRecoveryKey(bytes: Buffer): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  return (out.match(/.{4}/g) ?? []).join('-');
}

/** The 20 bytes of a typed recovery key, or null when it cannot be one (wrong length, bad character). */
export function parseRecoveryKey(typed: string): Buffer | null {
  const clean = typed.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (clean.length !== RECOVERY_CHARS) {
    return null;
  }
  const out = Buffer.alloc(RECOVERY_BYTES);
  let bits = 0;
  let value = 0;
  let index = 0;
  for (const char of clean) {
    const digit = ALPHABET.indexOf(char);
    if (digit < 0) {
      return null;
    }
    value = (value << 5) | digit;
    bits += 5;
    if (bits >= 8) {
      out[index++] = (value >>> (bits - 8)) & 255;
      bits -= 8;
      value &= (1 << bits) - 1;
    }
  }
  return out;
}

/** The wrapping key a recovery key stands for; `purpose` separates the profile's copy from backups. */
export function recoveryWrappingKey(recovery: Buffer, purpose: 'profile' | 'backup'): Buffer {
  return Buffer.from(hkdfSync('sha256', recovery, Buffer.alloc(0), `vanthu/recovery/${purpose}/v1`, 32));
}
