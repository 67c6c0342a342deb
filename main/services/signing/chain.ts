import { X509Certificate } from 'node:crypto';
import { issues } from '../pdf/verify/chain.ts';
import { loadTrustStore } from '../pdf/verify/trust-store.ts';

const MAX_DEPTH = 8;

/**
 * The CA chain to embed with a signature, nearest issuer first, up to a self-signed root when
 * one is known. Tokens usually hold only the leaf, so issuers come from the token's own CA
 * certificates first and then from the trust store files; each link is checked by signature,
 * not only by name, so a look-alike subject cannot slip in.
 */
export function buildSigningChain(
  leaf: Uint8Array,
  fromToken: readonly Uint8Array[],
  fromTrustStore: readonly X509Certificate[],
): Uint8Array[] {
  const pool = [...fromToken.map((der) => new X509Certificate(der)), ...fromTrustStore];
  const chain: X509Certificate[] = [];
  let current = new X509Certificate(leaf);
  while (chain.length < MAX_DEPTH && !issues(current, current)) {
    const seen = (c: X509Certificate): boolean => c.raw.equals(current.raw) || chain.some((p) => p.raw.equals(c.raw));
    const issuer = pool.find((c) => !seen(c) && issues(c, current));
    if (issuer === undefined) {
      break;
    }
    chain.push(issuer);
    current = issuer;
  }
  return chain.map((c) => new Uint8Array(c.raw));
}

/** The configured trust anchors (PEM/DER files or folders); none configured means none. */
export function trustStoreCertificates(paths: readonly string[]): X509Certificate[] {
  return paths.length === 0 ? [] : loadTrustStore(paths);
}
