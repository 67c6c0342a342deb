import { X509Certificate } from 'node:crypto';

/** True when `issuer` issued `child`: names match and the signature checks (not names alone). */
export function issues(issuer: X509Certificate, child: X509Certificate): boolean {
  try {
    return child.checkIssued(issuer) && child.verify(issuer.publicKey);
  } catch {
    return false;
  }
}

/**
 * Certificates of one verification, each parsed once, and the links between them, each checked
 * once. The signatures of a document usually carry the same CA certificates, and every path ends
 * at the same anchor: parsing them again and checking the same signatures again was a good part
 * of a verification's certificate work. Scoped to one verification (made by verifyPdfBytes), so
 * nothing is remembered from one document to the next.
 */
export class CertificateMemo {
  private readonly parsed = new Map<string, X509Certificate>();
  private readonly links = new Map<X509Certificate, Map<X509Certificate, boolean>>();

  /** The certificate whose DER is `der` (throws as `new X509Certificate` does). */
  parse(der: Uint8Array): X509Certificate {
    const key = Buffer.from(der.buffer, der.byteOffset, der.byteLength).toString('latin1');
    let cert = this.parsed.get(key);
    if (cert === undefined) {
      cert = new X509Certificate(der);
      this.parsed.set(key, cert);
    }
    return cert;
  }

  /** `issues(issuer, child)`, checked once per pair. */
  issues(issuer: X509Certificate, child: X509Certificate): boolean {
    let byIssuer = this.links.get(child);
    if (byIssuer === undefined) {
      byIssuer = new Map();
      this.links.set(child, byIssuer);
    }
    let known = byIssuer.get(issuer);
    if (known === undefined) {
      known = issues(issuer, child);
      byIssuer.set(issuer, known);
    }
    return known;
  }
}
