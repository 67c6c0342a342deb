import { X509Certificate } from 'node:crypto';
import type { LongTermMaterial } from '../pdf/sign/dss.ts';
import { certInfo } from '../pdf/verify/cert-info.ts';
import { checkRevocation } from '../pdf/verify/revocation.ts';
import { revocationKey, type RevocationCache } from '../pdf/verify/revocation-cache.ts';

export interface LongTermOptions {
  readonly cache: RevocationCache;
  readonly timeoutMs?: number;
  readonly now?: Date;
}

export interface CollectedMaterial {
  readonly material: LongTermMaterial;
  /** Subjects whose revocation status could not be obtained (no responder, none reachable). */
  readonly unknown: readonly string[];
  /** Subjects a responder or CRL reports as revoked. */
  readonly revoked: readonly string[];
}

/**
 * B-LT material for one signer: the chain and, for every link below the root, an OCSP answer or
 * a CRL, obtained the way the verifier does (OCSP first, then the CRL, then its cache) so that
 * what the signature carries is what the verifier would check.
 */
export async function collectLongTermMaterial(
  certificate: Uint8Array,
  chain: readonly Uint8Array[],
  anchors: readonly X509Certificate[],
  options: LongTermOptions,
): Promise<CollectedMaterial> {
  const path = [certificate, ...chain].map((der) => new X509Certificate(der));
  const ocsps: Uint8Array[] = [];
  const crls: Uint8Array[] = [];
  const unknown: string[] = [];
  const revoked: string[] = [];
  for (const [index, cert] of path.entries()) {
    const issuer = path[index + 1] ?? anchors.find((a) => cert.checkIssued(a)) ?? null;
    if (issuer === null || cert.checkIssued(cert)) {
      continue; // the root is trusted as such; nothing to ask about it
    }
    const result = await checkRevocation(cert, issuer, anchors, {
      offline: false,
      cache: options.cache,
      timeoutMs: options.timeoutMs ?? 5000,
      now: options.now ?? new Date(),
    });
    if (result.der === null) {
      unknown.push(cert.subject);
      continue;
    }
    if (result.status === 'revoked') {
      revoked.push(cert.subject);
    }
    const kind =
      result.source === 'cache'
        ? options.cache.get(revocationKey(issuer.raw, certInfo(cert).serialNumber))?.kind
        : result.source;
    (kind === 'crl' ? crls : ocsps).push(new Uint8Array(Buffer.from(result.der, 'base64')));
  }
  return { material: { certificates: path.map((c) => new Uint8Array(c.raw)), ocsps, crls }, unknown, revoked };
}
