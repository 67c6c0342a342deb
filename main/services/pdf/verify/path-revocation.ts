import type { X509Certificate } from 'node:crypto';
import type { SignatureReport, VerifyProblem } from '../../../../preload/contract/verify.ts';
import { certInfo } from './cert-info.ts';
import { ageVi, formatTimeVi, problem } from './problems.ts';
import { checkRevocation, type RevocationOptions, type RevocationResult } from './revocation.ts';

export interface PathRevocation {
  readonly signer: SignatureReport['revocation'];
  readonly cas: SignatureReport['caRevocation'];
  readonly problems: VerifyProblem[];
  /** OCSP responses and CRLs used, to keep as proof. */
  readonly material: { kind: string; der: string; checkedAt: string | null }[];
}

export interface PathRevocationInput {
  /** Signer first; the trust anchor last when the path is trusted. */
  readonly path: readonly X509Certificate[];
  readonly anchors: readonly X509Certificate[];
  readonly options: RevocationOptions;
  /** A trusted timestamp: a revocation after it leaves the signature standing. */
  readonly trustedTime: Date | null;
}

function revokedBeforeSigning(rev: RevocationResult, trustedTime: Date | null): boolean {
  return !(rev.revokedAt !== null && trustedTime !== null && new Date(rev.revokedAt) > trustedTime);
}

function revokedDetail(rev: RevocationResult, prefix = ''): string | undefined {
  const date = rev.revokedAt === null ? '' : `Ngày thu hồi: ${formatTimeVi(new Date(rev.revokedAt))}.`;
  return `${prefix}${date}` === '' ? undefined : `${prefix}${date}`;
}

/**
 * Revocation of every certificate on the path, not only the signer's: a revoked intermediate CA
 * revokes everything it issued (TT 41/2017 Điều 8 asks for the status of the whole chain).
 * Each certificate is asked of its own issuer's OCSP/CRL, with the same cache and offline
 * behaviour as the signer. Trust anchors are not checked: they are trusted by configuration.
 */
export async function checkPathRevocation(input: PathRevocationInput): Promise<PathRevocation> {
  const { path, anchors, options } = input;
  const problems: VerifyProblem[] = [];
  const material: { kind: string; der: string; checkedAt: string | null }[] = [];
  const isAnchor = (cert: X509Certificate) => anchors.some((a) => a.raw.equals(cert.raw));
  const keep = (rev: RevocationResult) => {
    // The kind of answer, not where it came from this time: a cached CRL is still a CRL.
    if (rev.der !== null) {
      material.push({ kind: rev.kind ?? rev.source, der: rev.der, checkedAt: rev.checkedAt });
    }
  };

  const signerCert = path[0] as X509Certificate;
  const rev = await checkRevocation(signerCert, path[1] ?? null, anchors, options);
  keep(rev);
  if (rev.status === 'revoked' && revokedBeforeSigning(rev, input.trustedTime)) {
    problems.push(problem('CERT_REVOKED', revokedDetail(rev)));
  } else if (rev.status === 'unknown') {
    problems.push(problem('REVOCATION_UNKNOWN'));
  }
  if (rev.source === 'proof' && rev.checkedAt !== null) {
    problems.push(
      problem('REVOCATION_FROM_PROOF', `Tình trạng thu hồi xác định lúc ${formatTimeVi(new Date(rev.checkedAt))}.`),
    );
  }
  if (rev.source === 'cache' && rev.checkedAt !== null) {
    const checked = new Date(rev.checkedAt);
    problems.push(
      problem('REVOCATION_FROM_CACHE', `Kiểm tra lúc ${formatTimeVi(checked)} (${ageVi(checked, options.now)}).`),
    );
  }

  const cas: SignatureReport['caRevocation'] = [];
  let worst: SignatureReport['revocation']['status'] = rev.status;
  for (let i = 1; i + 1 < path.length; i++) {
    const ca = path[i] as X509Certificate;
    if (isAnchor(ca)) {
      break;
    }
    const info = certInfo(ca);
    const named = `Tổ chức cấp: ${info.commonName || info.subject}. `;
    if (info.ocspUrls.length === 0 && info.crlUrls.length === 0) {
      // Nothing published to ask: said in the report, not held against the signature.
      cas.push({ subject: info.subject, status: 'unknown', source: 'none', checkedAt: null });
      continue;
    }
    const caRev = await checkRevocation(ca, path[i + 1] as X509Certificate, anchors, options);
    keep(caRev);
    cas.push({ subject: info.subject, status: caRev.status, source: caRev.source, checkedAt: caRev.checkedAt });
    if (caRev.status === 'revoked') {
      worst = 'revoked';
      if (revokedBeforeSigning(caRev, input.trustedTime)) {
        problems.push(problem('CA_REVOKED', revokedDetail(caRev, named)));
      }
    } else if (caRev.status === 'unknown') {
      problems.push(problem('CA_REVOCATION_UNKNOWN', named.trim()));
      if (worst === 'good') {
        worst = 'unknown';
      }
    }
  }
  return {
    signer: { status: worst, source: rev.source, checkedAt: rev.checkedAt },
    cas,
    problems,
    material,
  };
}
