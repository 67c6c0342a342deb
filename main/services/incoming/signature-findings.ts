import type { ArrivalFinding, CheckedSignature, SignatureKind } from '../../../preload/contract/arrival-check.ts';
import type { VerifyReport } from '../../../preload/contract/verify.ts';
import { LOOK_RULES, type SignatureLook } from '../../domain/nd30/signature-look.ts';
import { sameOrganization, signerKind } from '../../domain/signer-kind.ts';

const CERTIFICATE_VI: Readonly<Record<SignatureKind, string>> = {
  personal: 'chứng thư số của cá nhân',
  organization: 'chứng thư số của cơ quan, tổ chức',
  unknown: 'chứng thư số chưa rõ loại',
};
const LOOK_VI: Readonly<Record<SignatureKind, string>> = {
  personal: 'chữ ký của người có thẩm quyền',
  organization: 'hình dấu của cơ quan, tổ chức',
  unknown: 'chưa rõ',
};

/**
 * The certificate profile decides a signature's kind (it is what the law binds); the NĐ 30
 * appearance decides only when the certificate says nothing. The two are compared so that a
 * disagreement (an organization certificate drawn as a blue signature) is said, not hidden.
 */
function combinedKind(
  certificate: { kind: SignatureKind; basis: string },
  look: SignatureLook | undefined,
): { kind: SignatureKind; basis: string } {
  if (look === undefined || look.kind === 'unknown') {
    return certificate;
  }
  const sources = [...new Set(look.rules.map((rule) => LOOK_RULES[rule].source))].join('; ');
  const byLook = `hình thức thể hiện theo ${sources}: ${look.description}`;
  if (certificate.kind === 'unknown') {
    return { kind: look.kind, basis: byLook };
  }
  if (certificate.kind === look.kind) {
    return { kind: certificate.kind, basis: `${certificate.basis}; ${byLook}` };
  }
  return { kind: certificate.kind, basis: `${certificate.basis}; nhưng ${byLook}` };
}

/** Each signature with its kind: the signer's certificate profile and its NĐ 30 appearance. */
export function checkedSignatures(report: VerifyReport, looks: readonly SignatureLook[] = []): CheckedSignature[] {
  return report.signatures
    .filter((sig) => sig.kind === 'signature')
    .map((sig) => {
      const look = looks.find((l) => l.field === sig.field);
      const decision = combinedKind(
        signerKind(sig.signer.subject, sig.signer.commonName, sig.signer.organization),
        look,
      );
      return {
        field: sig.field,
        signer: sig.signer.commonName,
        organization: sig.signer.organization,
        kind: decision.kind,
        basis: decision.basis,
        verdict: sig.verdict,
        appearance:
          look === undefined ? null : { kind: look.kind, rules: [...look.rules], description: look.description },
      };
    });
}

/**
 * Where the certificate and the appearance disagree [NĐ 30 Phụ lục I, Phần II, mục 7.c, 8.b]:
 * the document may have been sealed with the wrong certificate, or drawn with the wrong image,
 * so the clerk receives it only with a reason.
 */
export function kindMismatchFindings(signatures: readonly CheckedSignature[]): ArrivalFinding[] {
  return signatures
    .filter(
      (s) =>
        s.appearance !== null &&
        s.appearance.kind !== 'unknown' &&
        s.kind !== 'unknown' &&
        s.appearance.kind !== s.kind,
    )
    .map((s) => {
      const look = s.appearance as NonNullable<CheckedSignature['appearance']>;
      const sources = [
        ...new Set(look.rules.map((rule) => LOOK_RULES[rule as keyof typeof LOOK_RULES]?.source ?? rule)),
      ];
      return {
        code: 'SIGNATURE_KIND_MISMATCH' as const,
        severity: 'indeterminate' as const,
        message:
          `Chữ ký "${s.field}" dùng ${CERTIFICATE_VI[s.kind]} (${s.signer}) ` +
          `nhưng hình thức thể hiện lại là ${LOOK_VI[look.kind]} (${look.description}) ` +
          `theo ${sources.join('; ')}.`,
        where: [`trường chữ ký "${s.field}"`],
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
  findings.push(...kindMismatchFindings(signatures));
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
