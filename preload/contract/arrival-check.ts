import { z } from 'zod';
import { RETURN_REASON_MAX, returnReasonVi } from './verify-return.ts';
import type { VerifyReport } from './verify.ts';

/**
 * What the workstation found when an incoming document arrived, before the văn thư tiếp nhận it
 * [S-TN26 Điều 8 k1b; S-BG20 Điều 8 k1; TT 41/2017 Điều 7]: its signatures and their kinds, the
 * active content and hidden attachments in the PDF, the malware scan, and for a paper scan the
 * digitisation standard. Kept with the document (the store's `arrival_check`), shown in the list.
 */
export const CHECK_VERDICT_VALUES = ['valid', 'indeterminate', 'invalid', 'not-applicable'] as const;
export const CheckVerdictSchema = z.enum(CHECK_VERDICT_VALUES);
export type CheckVerdict = z.infer<typeof CheckVerdictSchema>;

export const ARRIVAL_FINDING_CODES = [
  // the signatures of an issued document (S-BG20 Điều 10 k1)
  'SIGNATURES_INVALID',
  'SIGNATURES_INDETERMINATE',
  'PERSONAL_SIGNATURE_MISSING',
  'ORGANIZATION_SIGNATURE_MISSING',
  'SEALED_BY_OTHER_ORGANIZATION',
  // the certificate says one kind, the NĐ 30 appearance/placement the other (NĐ 30 Phụ lục I)
  'SIGNATURE_KIND_MISMATCH',
  // active content (S-TN26 Điều 18 k2a)
  'ACTIVE_CONTENT',
  // the malware scan port
  'MALWARE_FOUND',
  'MALWARE_NOT_SCANNED',
  'MALWARE_SCAN_FAILED',
  // the digitisation standard for scans (NĐ 30 Phụ lục I)
  'SCAN_PDF_VERSION',
  'SCAN_NOT_COLOUR',
  'SCAN_RESOLUTION',
  'SCAN_NO_IMAGE',
  'UNREADABLE',
  // the check itself stopped twice on this file (its worker crashed): not judged, said so
  'CHECK_FAILED',
] as const;
export const ArrivalFindingCodeSchema = z.enum(ARRIVAL_FINDING_CODES);

export const ArrivalFindingSchema = z.object({
  code: ArrivalFindingCodeSchema,
  /** invalid: cannot be received; indeterminate: received only with a reason; info: said, not judged. */
  severity: z.enum(['invalid', 'indeterminate', 'info']),
  /** A plain Vietnamese sentence, phrased towards the sender (it may become the trả lại reason). */
  message: z.string(),
  /** Where in the file, e.g. "trang 1, chú thích 3" or "danh mục tệp đính kèm". */
  where: z.array(z.string()).default([]),
});
export type ArrivalFinding = z.infer<typeof ArrivalFindingSchema>;

export const SignatureKindSchema = z.enum(['personal', 'organization', 'unknown']);
export type SignatureKind = z.infer<typeof SignatureKindSchema>;

export const CheckedSignatureSchema = z.object({
  field: z.string(),
  signer: z.string(),
  organization: z.string(),
  kind: SignatureKindSchema,
  /** Why the kind was decided: the certificate profile, the appearance, or nothing conclusive. */
  basis: z.string(),
  verdict: z.enum(['valid', 'invalid', 'indeterminate']),
  /**
   * What the appearance suggests by NĐ 30 Phụ lục I (red seal over the left third of the blue
   * signature), with the rules that matched; null for checks made before it was read.
   */
  appearance: z
    .object({ kind: SignatureKindSchema, rules: z.array(z.string()), description: z.string() })
    .nullable()
    .default(null),
});
export type CheckedSignature = z.infer<typeof CheckedSignatureSchema>;

export const MalwareScanSchema = z.object({
  scanner: z.string().nullable(),
  status: z.enum(['clean', 'infected', 'not-scanned', 'failed']),
  detail: z.string().default(''),
});
export type MalwareScan = z.infer<typeof MalwareScanSchema>;

export const ArrivalCheckSchema = z.object({
  verdict: CheckVerdictSchema,
  checkedAt: z.string(),
  signatures: z.array(CheckedSignatureSchema),
  findings: z.array(ArrivalFindingSchema),
  malware: MalwareScanSchema,
});
export type ArrivalCheck = z.infer<typeof ArrivalCheckSchema>;

/** An electronic document is checked before it is received; a paper one is checked by the văn thư's eyes. */
export function needsArrivalCheck(document: { readonly fileSha256: string | null; readonly source: string }): boolean {
  return document.fileSha256 !== null && document.source !== 'giay';
}

/** The worst severity decides: any invalid finding → invalid; any indeterminate → indeterminate. */
export function verdictOf(findings: readonly ArrivalFinding[]): Exclude<CheckVerdict, 'not-applicable'> {
  if (findings.some((f) => f.severity === 'invalid')) {
    return 'invalid';
  }
  return findings.some((f) => f.severity === 'indeterminate') ? 'indeterminate' : 'valid';
}

/**
 * The prepared trả lại message: the signature reasons of the verifier (verify-return.ts) and then
 * each finding of the arrival check, capped as status 02 requires. The văn thư may still edit it.
 */
export function arrivalReturnReasonVi(check: ArrivalCheck, report: VerifyReport | null): string {
  const parts: string[] = [];
  const signatures = report === null ? null : returnReasonVi(report);
  if (signatures !== null) {
    parts.push(signatures.replace(/ Đề nghị kiểm tra và gửi lại\.$/, ''));
  }
  for (const finding of check.findings) {
    if (finding.severity === 'info' || finding.code.startsWith('SIGNATURES_')) {
      continue;
    }
    const where = finding.where.length === 0 ? '' : ` (${finding.where.join('; ')})`;
    parts.push(`${finding.message}${where}`);
  }
  parts.push('Đề nghị kiểm tra và gửi lại.');
  const text = parts.join(' ');
  return text.length > RETURN_REASON_MAX ? `${text.slice(0, RETURN_REASON_MAX - 1).trimEnd()}…` : text;
}
