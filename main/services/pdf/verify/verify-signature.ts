import type { X509Certificate } from 'node:crypto';
import type { SignatureReport, VerifyProblem } from '../../../../preload/contract/verify.ts';
import { buildPath } from './chain.ts';
import type { CertificateMemo } from './cert-memo.ts';
import { certInfo, type CertInfo } from './cert-info.ts';
import { classifyChanges } from './changes/classify.ts';
import { fieldLockOf } from './changes/field-lock.ts';
import { checkCms } from './cms.ts';
import type { SignatureDict } from './locate.ts';
import type { PdfModel } from '../read/pdf-model.ts';
import { checkPathRevocation } from './path-revocation.ts';
import { formatTimeVi, problem, verdictOf } from './problems.ts';
import type { RevocationOptions } from './revocation.ts';
import { checkTimestamp } from './timestamp.ts';
import { detachedContent, type RangeDigests } from './range-digest.ts';
import { coverageOf } from './coverage.ts';
import { laterRevisionEnds } from './revisions.ts';
import { algorithmVi, uncoveredVi } from './coverage-text.ts';

/** What must be kept with the document to re-verify it later (certificates, OCSP/CRL, tokens). */
export interface SignatureMaterial {
  readonly certificates: readonly X509Certificate[];
  readonly revocation: readonly { readonly kind: string; readonly der: string; readonly checkedAt: string | null }[];
  readonly timestampTokens: readonly Uint8Array[];
}

export interface SignatureInput {
  readonly sig: SignatureDict;
  readonly field: string;
  readonly bytes: Uint8Array;
  /** The file's digests, shared by its signatures (each signs from byte 0 on). */
  readonly digests: RangeDigests;
  /** The verification's certificates and their links, shared by its signatures. */
  readonly memo: CertificateMemo;
  readonly current: PdfModel;
  /** Loads the revision a signature covers (memoised by the caller). */
  readonly revision: (end: number) => PdfModel;
  readonly anchors: readonly X509Certificate[];
  /** Certificates kept as proof at an earlier verification, for path building. */
  readonly extraCertificates: readonly X509Certificate[];
  readonly revocation: RevocationOptions;
}

const EMPTY_SIGNER: CertInfo = {
  commonName: '',
  organization: '',
  subject: '',
  serialNumber: '',
  issuer: '',
  canSign: null,
  ocspUrls: [],
  crlUrls: [],
};

/**
 * The revisions between the signed one and the final one, so each update is judged on its own.
 * If one of them cannot be read as a revision of its own (damaged cross-reference data), the
 * span is judged as one update instead.
 */
function intermediateRevisions(input: SignatureInput, end: number): PdfModel[] {
  const models: PdfModel[] = [];
  for (const at of laterRevisionEnds(input.bytes, end).slice(0, -1)) {
    try {
      const model = input.revision(at);
      if (model.revision.reconstructed) {
        return [];
      }
      models.push(model);
    } catch {
      return [];
    }
  }
  return models;
}

export async function verifySignature(
  input: SignatureInput,
): Promise<{ report: SignatureReport; material: SignatureMaterial }> {
  const { sig, bytes, anchors } = input;
  const [start1, len1, start2, len2] = sig.byteRange;
  const end = start2 + len2;
  const content = input.digests.content(
    sig.valid
      ? [
          [start1, start1 + len1],
          [start2, end],
        ]
      : [],
  );
  const problems: VerifyProblem[] = [];
  const isDocTimestamp = sig.subFilter === 'ETSI.RFC3161' || sig.type === 'DocTimeStamp';
  const coverage = coverageOf(sig, bytes);
  if (sig.valid && coverage === 'partial') {
    problems.push(problem('BYTE_RANGE_PARTIAL', uncoveredVi(sig, bytes.length)));
  }
  const tokens: Uint8Array[] = [];
  const revocationMaterial: { kind: string; der: string; checkedAt: string | null }[] = [];

  let integrity: SignatureReport['integrity'] = 'broken';
  let signerCert: X509Certificate | null = null;
  let carried: readonly X509Certificate[] = [];
  let claimed: Date | null = sig.claimedTime;
  let timestampTime: Date | null = null;
  let timestampAuthority: string | null = null;
  let timestampTrusted = false;

  if (!sig.valid) {
    problems.push(problem('BYTE_RANGE_INVALID'));
  } else if (isDocTimestamp) {
    tokens.push(sig.contents);
    const ts = checkTimestamp(sig.contents, content, anchors, input.memo);
    carried = ts.certificates;
    signerCert = ts.certificates[0] ?? null;
    timestampTime = ts.time;
    timestampAuthority = ts.authority;
    timestampTrusted = ts.trusted;
    if (ts.ok) {
      integrity = 'ok';
    } else {
      problems.push(problem('DIGEST_MISMATCH', ts.reason ?? undefined));
    }
    if (ts.ok && !ts.usageOk) {
      problems.push(problem('TSA_CERT_USAGE'));
    }
  } else {
    const cms = checkCms(sig.contents, content, input.memo);
    signerCert = cms.signerCert;
    carried = cms.certificates;
    claimed = cms.claimedSigningTime ?? sig.claimedTime;
    if (cms.failure === null) {
      integrity = 'ok';
    } else if (cms.failure === 'ALGORITHM_UNSUPPORTED') {
      // Not checkable is not broken: the bytes may well be intact (ETSI EN 319 102-1 INDETERMINATE).
      integrity = 'unknown';
      problems.push(problem(cms.failure, algorithmVi(cms.signatureAlgorithmOid, cms.digestAlgorithmOid)));
    } else {
      problems.push(problem(cms.failure));
    }
    if (cms.timestampToken !== null) {
      tokens.push(cms.timestampToken);
      const ts = checkTimestamp(cms.timestampToken, detachedContent([cms.signatureValue]), anchors, input.memo);
      timestampTime = ts.time;
      timestampAuthority = ts.authority;
      timestampTrusted = ts.ok && ts.trusted;
      if (ts.ok && !ts.usageOk) {
        problems.push(problem('TSA_CERT_USAGE'));
      } else if (!ts.ok || !ts.trusted) {
        problems.push(problem('TIMESTAMP_INVALID', ts.reason ?? undefined));
      }
    }
  }

  let changesAfter: SignatureReport['changesAfter'] = 'none';
  let changedObjects: SignatureReport['changedObjects'] = [];
  const security = input.current.revision.security?.kind;
  if (sig.valid && coverage === 'revision' && (security === 'password' || security === 'unsupported')) {
    // Without the password the objects cannot be compared; say so rather than guess either way.
    problems.push(problem('CHANGES_UNREADABLE'));
  } else if (sig.valid && coverage === 'revision') {
    const signed = input.revision(end);
    const changes = classifyChanges(
      signed,
      input.current,
      { docMdp: sig.docMdp, lock: fieldLockOf(input.current, sig.objectNumber) },
      intermediateRevisions(input, end),
    );
    changesAfter = changes.verdict;
    changedObjects = [...changes.objects];
    const notes = changes.objects.filter((o) => !o.permitted).map((o) => o.note);
    if (changes.verdict === 'not-permitted') {
      problems.push(problem('CHANGES_NOT_PERMITTED', notes.slice(0, 5).join(' ')));
    }
    if (changes.verdict === 'permitted') {
      problems.push(problem('CHANGES_PERMITTED'));
    }
  }

  const signingTime = timestampTrusted ? timestampTime : claimed;
  const signingTimeSource = timestampTrusted ? 'timestamp' : claimed !== null ? 'claimed' : 'none';
  if (signingTimeSource !== 'timestamp' && !isDocTimestamp) {
    problems.push(problem('SIGNING_TIME_CLAIMED'));
  }
  const at = signingTime ?? input.revocation.now;

  let trust: SignatureReport['trust'] = 'unknown';
  let chain: string[] = [];
  let revocation: SignatureReport['revocation'] = { status: 'unknown', source: 'none', checkedAt: null };
  let caRevocation: SignatureReport['caRevocation'] = [];
  const signer = signerCert === null ? EMPTY_SIGNER : certInfo(signerCert);
  if (signerCert !== null) {
    const path = buildPath(signerCert, [...carried, ...input.extraCertificates], anchors, at, input.memo);
    trust = path.trust;
    chain = path.path.map((c) => certInfo(c).subject);
    if (path.trust === 'untrusted') {
      problems.push(
        problem(path.incomplete ? 'CHAIN_INCOMPLETE' : 'CHAIN_UNTRUSTED', `Tổ chức cấp: ${signer.issuer}.`),
      );
    }
    if (path.trust === 'unknown') {
      problems.push(problem('CHAIN_UNTRUSTED', 'Chưa cấu hình chứng thư gốc tin cậy.'));
    }
    if (path.expiredAt !== null) {
      problems.push(problem('CERT_EXPIRED_AT_SIGNING', `Hết hạn lúc ${formatTimeVi(path.expiredAt.validToDate)}.`));
    }
    if (path.notYetValidAt !== null) {
      problems.push(
        problem('CERT_NOT_YET_VALID_AT_SIGNING', `Có hiệu lực từ ${formatTimeVi(path.notYetValidAt.validFromDate)}.`),
      );
    }
    if (!isDocTimestamp && signer.canSign === false) {
      problems.push(problem('CERT_KEY_USAGE'));
    }
    const revs = await checkPathRevocation({
      path: path.path,
      anchors,
      options: input.revocation,
      trustedTime: timestampTrusted ? timestampTime : null,
    });
    revocation = revs.signer;
    caRevocation = revs.cas;
    revocationMaterial.push(...revs.material);
    problems.push(...revs.problems);
  } else if (integrity === 'ok') {
    problems.push(problem('SIGNER_CERT_MISSING'));
  }

  const report: SignatureReport = {
    field: input.field,
    kind: isDocTimestamp ? 'document-timestamp' : 'signature',
    signer: {
      commonName: signer.commonName,
      organization: signer.organization,
      subject: signer.subject,
      serialNumber: signer.serialNumber,
      issuer: signer.issuer,
    },
    signingTime: signingTime?.toISOString() ?? null,
    signingTimeSource,
    timestampTime: timestampTime?.toISOString() ?? null,
    timestampAuthority,
    integrity,
    coverage,
    changesAfter,
    changedObjects,
    docMdp: sig.docMdp,
    trust,
    chain,
    revocation,
    caRevocation,
    verdict: verdictOf(problems),
    problems,
  };
  return { report, material: { certificates: carried, revocation: revocationMaterial, timestampTokens: tokens } };
}
