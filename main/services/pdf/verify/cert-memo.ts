import { X509Certificate } from 'node:crypto';

/** True when `issuer` issued `child`: names match and the signature checks (not names alone). */
export function issues(issuer: X509Certificate, child: X509Certificate): boolean {
  try {
    return child.checkIssued(issuer) && child.verify(issuer.publicKey);
  } catch {
    return false;
  }
}

/** Enough for every CA and signer of a day's documents; the oldest parse is dropped beyond it. */
const MAX_PARSED = 256;

/** DER (as a latin1 string) → its certificate, oldest first. Parsing is a pure function of the bytes. */
const parsed = new Map<string, X509Certificate>();
/** child → issuer → whether issuer issued child; gone with the certificates. */
const links = new WeakMap<X509Certificate, WeakMap<X509Certificate, boolean>>();

/**
 * Certificates, each parsed once, and the links between them, each checked once. Every signature
 * of an office carries the same CA certificates and the same few signers: parsing them again and
 * checking the same signatures again was most of a verification's certificate work, and in a
 * batch of a hundred (ký duyệt checks each output) it was paid a hundred times. Both are pure
 * functions of the certificates' bytes, so they are kept across verifications: what is parsed is
 * bounded (MAX_PARSED), and a link is forgotten with its certificates. Trust, validity and
 * revocation are judged at each verification, never remembered here.
 */
export class CertificateMemo {
  /** The certificate whose DER is `der` (throws as `new X509Certificate` does). */
  parse(der: Uint8Array): X509Certificate {
    const key = Buffer.from(der.buffer, der.byteOffset, der.byteLength).toString('latin1');
    let cert = parsed.get(key);
    if (cert === undefined) {
      cert = new X509Certificate(der);
      parsed.set(key, cert);
      if (parsed.size > MAX_PARSED) {
        const oldest = parsed.keys().next().value;
        if (oldest !== undefined) {
          parsed.delete(oldest);
        }
      }
    }
    return cert;
  }

  /** `issues(issuer, child)`, checked once per pair. */
  issues(issuer: X509Certificate, child: X509Certificate): boolean {
    let byIssuer = links.get(child);
    if (byIssuer === undefined) {
      byIssuer = new WeakMap();
      links.set(child, byIssuer);
    }
    let known = byIssuer.get(issuer);
    if (known === undefined) {
      known = issues(issuer, child);
      byIssuer.set(issuer, known);
    }
    return known;
  }
}
