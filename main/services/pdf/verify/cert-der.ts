import type { X509Certificate } from 'node:crypto';
import { children, integerHex, octets, oid, parseDer, raw, value, type Tlv } from './der.ts';

export interface CertExtension {
  readonly critical: boolean;
  /** The extnValue's content (the DER of the extension itself). */
  readonly value: Uint8Array;
}

/** The fields Node's X509Certificate does not expose, read from the DER. */
export interface CertDer {
  readonly issuer: Uint8Array;
  readonly subject: Uint8Array;
  readonly serialHex: string;
  readonly extensions: ReadonlyMap<string, CertExtension>;
}

const cache = new WeakMap<X509Certificate, CertDer>();

export function certDer(cert: X509Certificate): CertDer {
  let found = cache.get(cert);
  if (found === undefined) {
    found = readCertDer(cert.raw);
    cache.set(cert, found);
  }
  return found;
}

function readCertDer(der: Uint8Array): CertDer {
  const [tbs] = children(parseDer(der));
  const fields = children(tbs as Tlv);
  // tbsCertificate: [0] version?, serial, signature, issuer, validity, subject, spki, …, [3] extensions.
  const offset = fields[0]?.tag === 0xa0 ? 1 : 0;
  const extensions = new Map<string, CertExtension>();
  const wrapper = fields.find((f) => f.tag === 0xa3);
  if (wrapper !== undefined) {
    for (const ext of children(children(wrapper)[0] as Tlv)) {
      const parts = children(ext);
      const critical = parts[1]?.tag === 0x01 && value(parts[1])[0] !== 0;
      extensions.set(oid(parts[0] as Tlv), { critical, value: octets(parts[parts.length - 1] as Tlv) });
    }
  }
  return {
    issuer: raw(fields[offset + 2] as Tlv),
    subject: raw(fields[offset + 4] as Tlv),
    serialHex: integerHex(fields[offset] as Tlv),
    extensions,
  };
}

const SKI = '2.5.29.14';
const EKU = '2.5.29.37';

export function subjectKeyId(cert: X509Certificate): string | null {
  const ext = certDer(cert).extensions.get(SKI);
  if (ext === undefined) {
    return null;
  }
  return Buffer.from(value(parseDer(ext.value))).toString('hex');
}

/** The extended key usage OIDs and whether the extension is critical; null when absent. */
export function extendedKeyUsage(cert: X509Certificate): { oids: string[]; critical: boolean } | null {
  const ext = certDer(cert).extensions.get(EKU);
  if (ext === undefined) {
    return null;
  }
  return { oids: children(parseDer(ext.value)).map(oid), critical: ext.critical };
}
