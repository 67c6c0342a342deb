import { X509Certificate } from 'node:crypto';
import * as pkijs from 'pkijs';
import { allowsSigning } from './key-usage.ts';

/*
 * The signer's certificate and its chain, parsed once per certificate. A batch signs every file
 * with one session's certificates, and parsing them again for each file (with two ASN.1
 * libraries: the usability check, the signer's name, the CMS) was about a fifth of the signing
 * CPU (issue #15). Keyed by the DER's own buffer, so a certificate read anew is parsed anew.
 */

/** What the usability check and the signature dictionary read of the signer's certificate. */
export interface CertificateFacts {
  readonly validFrom: string;
  readonly validTo: string;
  readonly subject: string;
  readonly allowsSigning: boolean;
}

const facts = new WeakMap<Uint8Array, CertificateFacts>();
const parsed = new WeakMap<Uint8Array, pkijs.Certificate>();

export function certificateFacts(der: Uint8Array): CertificateFacts {
  let known = facts.get(der);
  if (known === undefined) {
    const cert = new X509Certificate(der);
    known = {
      validFrom: cert.validFrom,
      validTo: cert.validTo,
      subject: cert.subject,
      allowsSigning: allowsSigning(der),
    };
    facts.set(der, known);
  }
  return known;
}

/** The certificate as the CMS builder embeds it (only read from: never changed after parsing). */
export function parsedCertificate(der: Uint8Array): pkijs.Certificate {
  let known = parsed.get(der);
  if (known === undefined) {
    known = pkijs.Certificate.fromBER(der.buffer.slice(der.byteOffset, der.byteOffset + der.byteLength) as ArrayBuffer);
    parsed.set(der, known);
  }
  return known;
}
