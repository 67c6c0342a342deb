import { X509Certificate } from 'node:crypto';
import type { Signer } from '../signer.ts';
import { signFailure } from './fail.ts';

/**
 * Refuses a certificate that is not valid at the signing time, before anything is written:
 * validators would reject the signature anyway, and the clerk should hear it now.
 */
export function assertCertificateUsable(signer: Signer, at: Date): void {
  const cert = new X509Certificate(signer.certificate);
  const details = { validFrom: cert.validFrom, validTo: cert.validTo };
  if (at.getTime() > Date.parse(cert.validTo)) {
    throw signFailure('CERT_EXPIRED', undefined, details);
  }
  if (at.getTime() < Date.parse(cert.validFrom)) {
    throw signFailure('CERT_NOT_YET_VALID', undefined, details);
  }
}
