import type { ArrivalFinding, CheckedSignature } from '../../../preload/contract/arrival-check.ts';
import type { VerifyReport } from '../../../preload/contract/verify.ts';
import { sameOrganization, signerKind } from '../../domain/signer-kind.ts';

/** Each signature with its kind (personal or organization) from the signer's certificate profile. */
export function checkedSignatures(report: VerifyReport): CheckedSignature[] {
  return report.signatures
    .filter((sig) => sig.kind === 'signature')
    .map((sig) => {
      const decision = signerKind(sig.signer.subject, sig.signer.commonName, sig.signer.organization);
      return {
        field: sig.field,
        signer: sig.signer.commonName,
        organization: sig.signer.organization,
        kind: decision.kind,
        basis: decision.basis,
        verdict: sig.verdict,
      };
    });
}

/**
 * What the signatures say about an issued document [S-BG20 Điều 10 k1]: the verifier's verdict,
 * then whether it carries both the personal signature (the leader's) and the organization's (the
 * seal), and whether the organization that sealed it is the one named as issuing it.
 */
export function signatureFindings(
  report: VerifyReport,
  signatures: readonly CheckedSignature[],
  coQuanBanHanh: string,
): ArrivalFinding[] {
  const findings: ArrivalFinding[] = [];
  if (report.verdict === 'invalid') {
    findings.push({ code: 'SIGNATURES_INVALID', severity: 'invalid', message: 'Chữ ký số không hợp lệ.', where: [] });
  } else if (report.verdict === 'indeterminate') {
    findings.push({
      code: 'SIGNATURES_INDETERMINATE',
      severity: 'indeterminate',
      message: 'Chưa xác thực được chữ ký số.',
      where: [],
    });
  }
  if (signatures.length === 0) {
    return findings;
  }
  const personal = signatures.filter((s) => s.kind === 'personal');
  const organization = signatures.filter((s) => s.kind === 'organization');
  if (organization.length === 0) {
    findings.push({
      code: 'ORGANIZATION_SIGNATURE_MISSING',
      severity: 'invalid',
      message: 'Văn bản chỉ có chữ ký số của cá nhân, thiếu chữ ký số của cơ quan, tổ chức ban hành (chưa đóng dấu).',
      where: personal.map((s) => `chữ ký của ${s.signer}`),
    });
  }
  if (personal.length === 0) {
    findings.push({
      code: 'PERSONAL_SIGNATURE_MISSING',
      severity: 'indeterminate',
      message: 'Văn bản chỉ có chữ ký số của cơ quan, tổ chức, thiếu chữ ký số của người có thẩm quyền.',
      where: organization.map((s) => `chữ ký của ${s.organization || s.signer}`),
    });
  }
  const others = organization.filter(
    (s) => !sameOrganization(s.organization || s.signer, coQuanBanHanh) && !sameOrganization(s.signer, coQuanBanHanh),
  );
  if (others.length > 0 && coQuanBanHanh.trim() !== '') {
    findings.push({
      code: 'SEALED_BY_OTHER_ORGANIZATION',
      // Names are compared as written (a certificate may say "UBND", the directory "Ủy ban nhân
      // dân"): the clerk decides, with a reason if she receives it.
      severity: 'indeterminate',
      message: `Chữ ký số của cơ quan trên văn bản (${others.map((s) => s.organization || s.signer).join(', ')}) không phải của cơ quan ban hành ghi trong thông tin văn bản (${coQuanBanHanh}).`,
      where: others.map((s) => `trường chữ ký "${s.field}"`),
    });
  }
  return findings;
}
