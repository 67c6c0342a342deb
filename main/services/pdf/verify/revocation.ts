import type { X509Certificate } from 'node:crypto';
import type * as X509 from '@peculiar/x509';
import type * as Asn1 from 'asn1js';
import type * as Pkijs from 'pkijs';
import { certInfo } from './cert-info.ts';
import { revocationKey, type CachedRevocation, type RevocationCache } from './revocation-cache.ts';

export interface RevocationResult {
  readonly status: 'good' | 'revoked' | 'unknown';
  readonly source: 'ocsp' | 'crl' | 'cache' | 'proof' | 'none';
  readonly checkedAt: string | null;
  readonly revokedAt: string | null;
  readonly der: string | null;
  /** What `der` is, whatever the source: kept with the proof so it can be read again. */
  readonly kind: 'ocsp' | 'crl' | null;
}

export interface RevocationOptions {
  readonly offline: boolean;
  readonly cache: RevocationCache;
  readonly timeoutMs: number;
  readonly now: Date;
  /**
   * Re-verifying from kept proof: only these stored OCSP responses and CRLs are used, judged
   * as of `at` (when they were fetched); no network, no cache.
   */
  readonly proof?: {
    readonly entries: readonly { readonly kind: string; readonly der: string; readonly at: Date }[];
  };
}

function resultOf(answer: CachedRevocation): RevocationResult {
  const { status, kind, checkedAt, revokedAt, der } = answer;
  return { status, source: kind, checkedAt, revokedAt, der, kind };
}

async function fromProof(
  proof: NonNullable<RevocationOptions['proof']>,
  cert: X509Certificate,
  issuer: X509Certificate,
  anchors: readonly X509Certificate[],
): Promise<RevocationResult | null> {
  for (const entry of proof.entries) {
    const der = new Uint8Array(Buffer.from(entry.der, 'base64'));
    let answer: CachedRevocation | null = null;
    try {
      answer =
        entry.kind === 'crl'
          ? await readCrl(der, cert, issuer, entry.at, entry.at)
          : entry.kind === 'ocsp'
            ? await readOcsp(der, cert, issuer, anchors, entry.at)
            : null;
    } catch {
      // Material about another certificate, or damaged: try the next entry.
    }
    if (answer !== null) {
      return { ...resultOf(answer), source: 'proof' };
    }
  }
  return null;
}

const OCSP_BASIC = '1.3.6.1.5.5.7.48.1.1';

/** pkijs and asn1js are loaded only when an OCSP responder is actually asked (not offline). */
async function loadPkijs(): Promise<{ pkijs: typeof Pkijs; asn1js: typeof Asn1 }> {
  const [pkijs, asn1js] = await Promise.all([import('pkijs'), import('asn1js')]);
  return { pkijs, asn1js };
}

async function fetchBytes(url: string, timeoutMs: number, body?: Uint8Array): Promise<Uint8Array> {
  const response = await fetch(url, {
    method: body === undefined ? 'GET' : 'POST',
    headers: body === undefined ? {} : { 'content-type': 'application/ocsp-request' },
    ...(body === undefined ? {} : { body: Buffer.from(body) }),
    signal: AbortSignal.timeout(timeoutMs),
  });
  if (!response.ok) {
    throw new Error(`HTTP ${response.status}`);
  }
  return new Uint8Array(await response.arrayBuffer());
}

async function viaOcsp(
  url: string,
  cert: X509Certificate,
  issuer: X509Certificate,
  anchors: readonly X509Certificate[],
  timeoutMs: number,
): Promise<CachedRevocation | null> {
  const { pkijs } = await loadPkijs();
  const pki = (c: X509Certificate) => pkijs.Certificate.fromBER(c.raw);
  const request = new pkijs.OCSPRequest();
  await request.createForCertificate(pki(cert), { hashAlgorithm: 'SHA-1', issuerCertificate: pki(issuer) });
  const der = await fetchBytes(url, timeoutMs, new Uint8Array(request.toSchema(true).toBER(false)));
  return readOcsp(der, cert, issuer, anchors, new Date());
}

/**
 * An OCSP response about `cert`, signed for its issuer and current at `at` (now for a fresh
 * answer; the original check's time when re-verifying from kept proof). Null if it is not one.
 */
async function readOcsp(
  der: Uint8Array,
  cert: X509Certificate,
  issuer: X509Certificate,
  anchors: readonly X509Certificate[],
  at: Date,
): Promise<CachedRevocation | null> {
  const { pkijs, asn1js } = await loadPkijs();
  const pki = (c: X509Certificate) => pkijs.Certificate.fromBER(c.raw);
  const response = pkijs.OCSPResponse.fromBER(der);
  if (response.responseStatus.valueBlock.valueDec !== 0 || response.responseBytes === undefined) {
    return null;
  }
  if (response.responseBytes.responseType !== OCSP_BASIC) {
    return null;
  }
  const basic = pkijs.BasicOCSPResponse.fromBER(response.responseBytes.response.valueBlock.valueHexView);
  const signed = await basic.verify({ trustedCerts: [pki(issuer), ...anchors.map(pki)], issuerCerts: [pki(issuer)] });
  if (!signed) {
    return null;
  }
  const status = await basic.getCertificateStatus(pki(cert), pki(issuer));
  if (!status.isForCertificate || status.status === 2) {
    return null;
  }
  const single = basic.tbsResponseData.responses[0];
  // A replayed or stale answer (past its nextUpdate, or dated in the future) is not an answer.
  const now = at.getTime();
  if (single === undefined || single.thisUpdate.getTime() > now + 5 * 60_000) {
    return null;
  }
  if (single.nextUpdate !== undefined && single.nextUpdate.getTime() < now) {
    return null;
  }
  const revokedAt =
    status.status === 1 && single?.certStatus instanceof asn1js.Constructed
      ? ((single.certStatus.valueBlock.value[0] as Asn1.GeneralizedTime | undefined)?.toDate?.().toISOString() ?? null)
      : null;
  return {
    status: status.status === 1 ? 'revoked' : 'good',
    kind: 'ocsp',
    checkedAt: at.toISOString(),
    revokedAt,
    der: Buffer.from(der).toString('base64'),
  };
}

async function viaCrl(
  url: string,
  cert: X509Certificate,
  issuer: X509Certificate,
  now: Date,
  timeoutMs: number,
): Promise<CachedRevocation | null> {
  return readCrl(await fetchBytes(url, timeoutMs), cert, issuer, now, new Date());
}

/** A CRL (DER or PEM) signed by `issuer` and current at `validAt`; null if it is not one. */
async function readCrl(
  bytes: Uint8Array,
  cert: X509Certificate,
  issuer: X509Certificate,
  validAt: Date,
  checkedAt: Date,
): Promise<CachedRevocation | null> {
  let der = bytes;
  const text = Buffer.from(der).toString('latin1');
  if (text.startsWith('-----BEGIN')) {
    der = Buffer.from(text.replace(/-----[^-]+-----|\s/g, ''), 'base64');
  }
  // @peculiar/x509 reads CRLs pkijs 4 rejects (v2 without extensions); loaded only when a CRL is.
  await import('reflect-metadata'); // @peculiar/x509's decorators need it loaded first
  const x509: typeof X509 = await import('@peculiar/x509');
  const crl = new x509.X509Crl(der);
  if (!(await crl.verify({ publicKey: new x509.X509Certificate(issuer.raw) }))) {
    return null;
  }
  if (crl.nextUpdate !== undefined && crl.nextUpdate.getTime() < validAt.getTime()) {
    return null;
  }
  const entry = crl.findRevoked(new x509.X509Certificate(cert.raw)) ?? undefined;
  return {
    status: entry === undefined ? 'good' : 'revoked',
    kind: 'crl',
    checkedAt: checkedAt.toISOString(),
    revokedAt: entry === undefined ? null : entry.revocationDate.toISOString(),
    der: Buffer.from(der).toString('base64'),
  };
}

/**
 * Ask OCSP first, then the CRL, each with a short timeout; remember the answer in the profile.
 * Offline, or when both fail, the last cached answer is used and said to be from the cache.
 */
export async function checkRevocation(
  cert: X509Certificate,
  issuer: X509Certificate | null,
  anchors: readonly X509Certificate[],
  options: RevocationOptions,
): Promise<RevocationResult> {
  const unknown: RevocationResult = {
    status: 'unknown',
    source: 'none',
    checkedAt: null,
    revokedAt: null,
    der: null,
    kind: null,
  };
  if (issuer === null) {
    return unknown;
  }
  if (options.proof !== undefined) {
    return (await fromProof(options.proof, cert, issuer, anchors)) ?? unknown;
  }
  const info = certInfo(cert);
  const key = revocationKey(issuer.raw, info.serialNumber);
  if (!options.offline) {
    const attempts = [
      ...info.ocspUrls.map((u) => () => viaOcsp(u, cert, issuer, anchors, options.timeoutMs)),
      ...info.crlUrls.map((u) => () => viaCrl(u, cert, issuer, options.now, options.timeoutMs)),
    ];
    for (const attempt of attempts) {
      try {
        const answer = await attempt();
        if (answer !== null) {
          options.cache.put(key, answer);
          return resultOf(answer);
        }
      } catch {
        // Unreachable responder or unreadable answer: try the next source, then the cache.
      }
    }
  }
  const cached = options.cache.get(key);
  if (cached === undefined) {
    return unknown;
  }
  return { ...resultOf(cached), source: 'cache' };
}
