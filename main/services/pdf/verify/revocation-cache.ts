import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomicSync } from '../../disk/atomic-write.ts';

export interface CachedRevocation {
  readonly status: 'good' | 'revoked';
  readonly kind: 'ocsp' | 'crl';
  readonly checkedAt: string;
  readonly revokedAt: string | null;
  /** The OCSP response or CRL, base64 DER: kept as proof with the verified document. */
  readonly der: string;
}

/** Revocation answers kept in the profile so an offline verification uses the last known state. */
export interface RevocationCache {
  get(key: string): CachedRevocation | undefined;
  put(key: string, entry: CachedRevocation): void;
}

export function revocationKey(issuerDer: Uint8Array, serialHex: string): string {
  return createHash('sha256').update(issuerDer).update(serialHex.toLowerCase()).digest('hex');
}

export function createFileRevocationCache(dir: string): RevocationCache {
  return {
    get(key) {
      const file = join(dir, `${key}.json`);
      // Most certificates have no entry: asked first without an exception (Node builds one with
      // a stack for every missing file, a good part of an offline verification's time).
      if (statSync(file, { throwIfNoEntry: false }) === undefined) {
        return undefined;
      }
      try {
        return JSON.parse(readFileSync(file, 'utf8')) as CachedRevocation;
      } catch {
        return undefined;
      }
    },
    put(key, entry) {
      mkdirSync(dir, { recursive: true });
      // Written aside and renamed, so a crash never leaves half a cache entry.
      writeFileAtomicSync(join(dir, `${key}.json`), JSON.stringify(entry));
    },
  };
}
