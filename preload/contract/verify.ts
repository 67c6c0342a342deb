import { z } from 'zod';
import { channel } from './define.ts';

/** Why a signature is not simply valid; each code has a Vietnamese sentence in `problems[].message`. */
export const VERIFY_PROBLEM_CODES = [
  'CMS_MALFORMED',
  'DIGEST_MISMATCH',
  'SIGNATURE_INVALID',
  'BYTE_RANGE_INVALID',
  'BYTE_RANGE_PARTIAL',
  'SIGNER_CERT_MISSING',
  'ALGORITHM_UNSUPPORTED',
  'CHANGES_NOT_PERMITTED',
  'CHANGES_PERMITTED',
  'CHANGES_UNREADABLE',
  'CHAIN_UNTRUSTED',
  'CHAIN_INCOMPLETE',
  'CERT_EXPIRED_AT_SIGNING',
  'CERT_NOT_YET_VALID_AT_SIGNING',
  'CERT_KEY_USAGE',
  'CERT_REVOKED',
  'CA_REVOKED',
  'CA_REVOCATION_UNKNOWN',
  'TSA_CERT_USAGE',
  'REVOCATION_UNKNOWN',
  'REVOCATION_FROM_CACHE',
  'REVOCATION_FROM_PROOF',
  'SIGNING_TIME_CLAIMED',
  'TIMESTAMP_INVALID',
  'NO_SIGNATURES',
] as const;
export type VerifyProblemCode = (typeof VERIFY_PROBLEM_CODES)[number];

export const VerifyProblemSchema = z.object({
  code: z.enum(VERIFY_PROBLEM_CODES),
  /** Vietnamese, fit for the "trả lại" message. */
  message: z.string(),
  /** Does this problem make the signature invalid (vs only indeterminate or informative)? */
  severity: z.enum(['invalid', 'indeterminate', 'info']),
});
export type VerifyProblem = z.infer<typeof VerifyProblemSchema>;

export const VerdictSchema = z.enum(['valid', 'invalid', 'indeterminate']);
export type Verdict = z.infer<typeof VerdictSchema>;

export const ChangedObjectSchema = z.object({
  /** Object number and generation, e.g. "12 0". */
  ref: z.string(),
  /**
   * What the object is used for: page, pages, content, field, annotation, appearance, form,
   * signature, timestamp, catalog, dss, metadata, info, other.
   */
  role: z.string(),
  change: z.enum(['added', 'modified']),
  permitted: z.boolean(),
  /** Vietnamese description of the change. */
  note: z.string(),
  /** The rule that decided, e.g. "ISO 32000-1 §12.8.2.2, Bảng 254 (DocMDP P=2)". */
  clause: z.string().optional(),
});
export type ChangedObject = z.infer<typeof ChangedObjectSchema>;

export const SignatureReportSchema = z.object({
  field: z.string(),
  kind: z.enum(['signature', 'document-timestamp']),
  signer: z.object({
    commonName: z.string(),
    organization: z.string(),
    subject: z.string(),
    serialNumber: z.string(),
    issuer: z.string(),
  }),
  /** ISO 8601; the claimed time (signed attribute or /M) unless a timestamp says otherwise. */
  signingTime: z.string().nullable(),
  signingTimeSource: z.enum(['timestamp', 'claimed', 'none']),
  timestampTime: z.string().nullable(),
  timestampAuthority: z.string().nullable(),
  /** 'unknown': the algorithm is not supported, so the bytes could be neither confirmed nor refuted. */
  integrity: z.enum(['ok', 'broken', 'unknown']),
  /**
   * 'revision': an earlier revision, later incremental updates follow. 'partial': the ByteRange
   * leaves bytes of its own revision unsigned besides the /Contents hole.
   */
  coverage: z.enum(['whole', 'revision', 'partial']),
  changesAfter: z.enum(['none', 'permitted', 'not-permitted']),
  changedObjects: z.array(ChangedObjectSchema),
  /** DocMDP P value of a certification signature (1 nothing, 2 form filling and signing, 3 also annotations). */
  docMdp: z.number().int().min(1).max(3).nullable(),
  trust: z.enum(['trusted', 'untrusted', 'unknown']),
  chain: z.array(z.string()),
  revocation: z.object({
    status: z.enum(['good', 'revoked', 'unknown']),
    source: z.enum(['ocsp', 'crl', 'cache', 'proof', 'none']),
    checkedAt: z.string().nullable(),
  }),
  /**
   * The issuing CAs between the signer and the trust anchor (anchors are not checked). A CA that
   * publishes no OCSP/CRL address is listed with source "none" and status "unknown".
   */
  caRevocation: z
    .array(
      z.object({
        subject: z.string(),
        status: z.enum(['good', 'revoked', 'unknown']),
        source: z.enum(['ocsp', 'crl', 'cache', 'proof', 'none']),
        checkedAt: z.string().nullable(),
      }),
    )
    .default([]),
  verdict: VerdictSchema,
  problems: z.array(VerifyProblemSchema),
});
export type SignatureReport = z.infer<typeof SignatureReportSchema>;

export const VerifyReportSchema = z.object({
  file: z.string(),
  sha256: z.string(),
  verifiedAt: z.string(),
  verdict: VerdictSchema,
  /** One Vietnamese sentence per reason, first the verdict; ready for "trả lại". */
  reasons: z.array(z.string()),
  signatures: z.array(SignatureReportSchema),
  /** Where the validation material of this verification was kept in the profile. */
  evidencePath: z.string().optional(),
});
export type VerifyReport = z.infer<typeof VerifyReportSchema>;

export const VerifyRequestSchema = z
  .object({
    path: z.string().min(1),
    /** Extra trust anchors (PEM/DER files or folders) besides the configured ones. */
    trustPaths: z.array(z.string()).default([]),
    offline: z.boolean().default(false),
    /**
     * Re-verify with the validation material kept at the last verification of this file
     * (certificates, OCSP/CRL answers, timestamps), as of that time: for documents whose
     * certificates have since expired. No network, no new proof written.
     */
    fromProof: z.boolean().default(false),
  })
  .strict();

export const verifyChannels = {
  'documents.verify': channel(VerifyRequestSchema, VerifyReportSchema),
};
