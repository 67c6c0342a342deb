import type { Signer } from '../signer.ts';
import { certificateFacts } from './certificate-facts.ts';
import { signFailure } from './fail.ts';

/**
 * Refuses a certificate that is not valid at the signing time, or whose key usage does not
 * allow signing, before anything is written or the token is asked to sign: validators would
 * reject the signature anyway, and the clerk should hear it now.
 */
export function assertCertificateUsable(signer: Signer, at: Date): void {
  const cert = certificateFacts(signer.certificate);
  const details = { validFrom: cert.validFrom, validTo: cert.validTo };
  if (at.getTime() > Date.parse(cert.validTo)) {
    throw signFailure('CERT_EXPIRED', undefined, details);
  }
  if (at.getTime() < Date.parse(cert.validFrom)) {
    throw signFailure('CERT_NOT_YET_VALID', undefined, details);
  }
  if (!cert.allowsSigning) {
    throw signFailure('CERT_KEY_USAGE', 'Chứng thư số không có mục đích ký số (digitalSignature/nonRepudiation).', {
      subject: cert.subject,
    });
  }
}
