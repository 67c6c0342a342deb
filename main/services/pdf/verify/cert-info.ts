import 'reflect-metadata';
import type { X509Certificate } from 'node:crypto';
import * as x509 from '@peculiar/x509';

export interface CertInfo {
  readonly commonName: string;
  readonly organization: string;
  /** RFC 4514-style, most significant last, as shown by pdfsig. */
  readonly subject: string;
  readonly issuer: string;
  readonly serialNumber: string;
  /** null when the certificate has no KeyUsage extension (then any usage is allowed). */
  readonly canSign: boolean | null;
  readonly ocspUrls: readonly string[];
  readonly crlUrls: readonly string[];
}

function first(name: x509.Name, short: string): string {
  return name.getField(short)[0] ?? '';
}

/**
 * Names, usages and revocation pointers of a certificate, read with @peculiar/x509. Kept by
 * fingerprint: the same signers and CAs recur in every document, each parsed anew from its CMS.
 */
const cache = new Map<string, CertInfo>();
const CACHE_LIMIT = 1000;

export function certInfo(cert: X509Certificate): CertInfo {
  const key = cert.fingerprint256;
  let info = cache.get(key);
  if (info === undefined) {
    info = readCertInfo(cert);
    if (cache.size >= CACHE_LIMIT) {
      cache.clear();
    }
    cache.set(key, info);
  }
  return info;
}

function readCertInfo(cert: X509Certificate): CertInfo {
  const parsed = new x509.X509Certificate(cert.raw);
  const subjectName = new x509.Name(parsed.subjectName.toArrayBuffer());
  const ku = parsed.getExtension(x509.KeyUsagesExtension);
  const aia = parsed.getExtension(x509.AuthorityInfoAccessExtension);
  const cdp = parsed.getExtension(x509.CRLDistributionPointsExtension);
  const signBits = x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.nonRepudiation;
  const crlUrls: string[] = [];
  for (const point of cdp?.distributionPoints ?? []) {
    for (const general of point.distributionPoint?.fullName ?? []) {
      if (general.uniformResourceIdentifier !== undefined) {
        crlUrls.push(general.uniformResourceIdentifier);
      }
    }
  }
  return {
    commonName: first(subjectName, 'CN'),
    organization: first(subjectName, 'O'),
    subject: parsed.subject,
    issuer: parsed.issuer,
    serialNumber: parsed.serialNumber,
    canSign: ku === null ? null : (ku.usages & signBits) !== 0,
    ocspUrls: (aia?.ocsp ?? []).filter((g) => g.type === 'url').map((g) => String(g.value)),
    crlUrls,
  };
}
