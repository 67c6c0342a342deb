import type { X509Certificate } from 'node:crypto';
import { certDer } from './cert-der.ts';
import { formatName, nameField, readName } from './cert-name.ts';
import { children, oid, parseDer, value, type Tlv } from './der.ts';

export interface CertInfo {
  readonly commonName: string;
  readonly organization: string;
  /** One line, in the certificate's order ("C=VN, ST=…, CN=…"). */
  readonly subject: string;
  readonly issuer: string;
  /** Hex of the serial number without leading zero octets (the revocation cache is keyed by it). */
  readonly serialNumber: string;
  /** null when the certificate has no KeyUsage extension (then any usage is allowed). */
  readonly canSign: boolean | null;
  readonly ocspUrls: readonly string[];
  readonly crlUrls: readonly string[];
}

const KEY_USAGE = '2.5.29.15';
const AUTHORITY_INFO_ACCESS = '1.3.6.1.5.5.7.1.1';
const CRL_DISTRIBUTION_POINTS = '2.5.29.31';
const OCSP = '1.3.6.1.5.5.7.48.1';
/** GeneralName uniformResourceIdentifier: [6] IMPLICIT IA5String. */
const URI = 0x86;

/**
 * Names, usages and revocation pointers of a certificate, read in place with our DER reader: an
 * X.509 object library cost more to load than a whole verification of a 200-page file.
 * Kept by fingerprint: the same signers and CAs recur in every document.
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

function uris(names: readonly Tlv[]): string[] {
  return names.filter((n) => n.tag === URI).map((n) => Buffer.from(value(n)).toString('latin1'));
}

/** digitalSignature (bit 0) or nonRepudiation (bit 1) of the KeyUsage BIT STRING. */
function canSign(extension: Uint8Array | undefined): boolean | null {
  if (extension === undefined) {
    return null;
  }
  const bits = value(parseDer(extension));
  return ((bits[1] ?? 0) & 0xc0) !== 0;
}

function ocspUrls(extension: Uint8Array | undefined): string[] {
  if (extension === undefined) {
    return [];
  }
  return children(parseDer(extension)).flatMap((description) => {
    const [method, location] = children(description);
    return method !== undefined && location !== undefined && oid(method) === OCSP ? uris([location]) : [];
  });
}

/** DistributionPoint ::= SEQUENCE { distributionPoint [0] { fullName [0] GeneralNames | … }, … } */
function crlUrls(extension: Uint8Array | undefined): string[] {
  if (extension === undefined) {
    return [];
  }
  return children(parseDer(extension)).flatMap((point) => {
    const name = children(point).find((part) => part.tag === 0xa0);
    const fullName = name === undefined ? undefined : children(name).find((part) => part.tag === 0xa0);
    return fullName === undefined ? [] : uris(children(fullName));
  });
}

function readCertInfo(cert: X509Certificate): CertInfo {
  const der = certDer(cert);
  const subject = readName(parseDer(der.subject));
  return {
    commonName: nameField(subject, 'CN'),
    organization: nameField(subject, 'O'),
    subject: formatName(subject),
    issuer: formatName(readName(parseDer(der.issuer))),
    serialNumber: der.serialHex,
    canSign: canSign(der.extensions.get(KEY_USAGE)?.value),
    ocspUrls: ocspUrls(der.extensions.get(AUTHORITY_INFO_ACCESS)?.value),
    crlUrls: crlUrls(der.extensions.get(CRL_DISTRIBUTION_POINTS)?.value),
  };
}
