import { X509Certificate } from 'node:crypto';
import { allowsSigning } from './key-usage.ts';

/*
 * The signer's certificate and its chain, parsed once per certificate. A batch signs every file
 * with one session's certificates, and parsing them again for each file (the usability check,
 * the signer's name) was a large part of the signing CPU (issue #15). Keyed by the DER's own
 * buffer, so a certificate read anew is parsed anew.
 */

/** What the usability check and the signature dictionary read of the signer's certificate. */
export interface CertificateFacts {
  readonly validFrom: string;
  readonly validTo: string;
  readonly subject: string;
  readonly allowsSigning: boolean;
}

const facts = new WeakMap<Uint8Array, CertificateFacts>();

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
