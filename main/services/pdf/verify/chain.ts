import type { X509Certificate } from 'node:crypto';
import { CertificateMemo } from './cert-memo.ts';

// Where the signing side's chain building has always found it.
export { issues } from './cert-memo.ts';

export interface PathResult {
  /** signer first, anchor last when trusted. */
  readonly path: readonly X509Certificate[];
  readonly trust: 'trusted' | 'untrusted' | 'unknown';
  readonly incomplete: boolean;
  /** The first certificate in the path that was outside its validity period at `at`. */
  readonly expiredAt: X509Certificate | null;
  readonly notYetValidAt: X509Certificate | null;
}

const MAX_DEPTH = 8;

/**
 * Build the path from the signer to a trust anchor, using the certificates the signature
 * carries plus the anchors. Each link is checked by signature, not only by name.
 * With no anchors configured at all, trust is "unknown" rather than "untrusted".
 */
export function buildPath(
  signer: X509Certificate,
  carried: readonly X509Certificate[],
  anchors: readonly X509Certificate[],
  at: Date,
  memo: CertificateMemo = new CertificateMemo(),
): PathResult {
  const issues = (issuer: X509Certificate, child: X509Certificate) => memo.issues(issuer, child);
  const path: X509Certificate[] = [signer];
  let trusted = anchors.some((a) => a.raw.equals(signer.raw));
  let current = signer;
  while (!trusted && path.length < MAX_DEPTH) {
    const anchor = anchors.find((a) => issues(a, current));
    if (anchor !== undefined) {
      path.push(anchor);
      trusted = true;
      break;
    }
    const next = carried.find((c) => !path.some((p) => p.raw.equals(c.raw)) && issues(c, current));
    if (next === undefined) {
      break;
    }
    path.push(next);
    current = next;
  }
  const last = path[path.length - 1] as X509Certificate;
  const selfSigned = issues(last, last);
  const time = at.getTime();
  return {
    path,
    trust: trusted ? 'trusted' : anchors.length === 0 ? 'unknown' : 'untrusted',
    incomplete: !trusted && !selfSigned,
    expiredAt: path.find((c) => c.validToDate.getTime() < time) ?? null,
    notYetValidAt: path.find((c) => c.validFromDate.getTime() > time) ?? null,
  };
}
