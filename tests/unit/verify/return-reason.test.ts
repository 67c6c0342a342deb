import { describe, expect, it } from 'vitest';
import { RETURN_REASON_MAX, returnReasonVi } from '../../../preload/contract/verify-return.ts';
import type { SignatureReport, VerifyProblemCode, VerifyReport } from '../../../preload/contract/verify.ts';
import { problem, verdictOf } from '../../../main/services/pdf/verify/problems.ts';

function signature(commonName: string, codes: VerifyProblemCode[], kind: SignatureReport['kind'] = 'signature') {
  const problems = codes.map((c) => problem(c));
  return {
    field: 'Signature1',
    kind,
    signer: { commonName, organization: '', subject: `CN=${commonName}`, serialNumber: '01', issuer: 'CN=CA' },
    signingTime: null,
    signingTimeSource: 'claimed',
    timestampTime: null,
    timestampAuthority: null,
    integrity: 'ok',
    coverage: 'whole',
    changesAfter: 'none',
    changedObjects: [],
    docMdp: null,
    trust: 'trusted',
    chain: [],
    revocation: { status: 'good', source: 'ocsp', checkedAt: null },
    caRevocation: [],
    verdict: verdictOf(problems),
    problems,
  } satisfies SignatureReport;
}

function report(verdict: VerifyReport['verdict'], signatures: SignatureReport[]): VerifyReport {
  return { file: 'x.pdf', sha256: '00', verifiedAt: '2026-11-22T08:00:00Z', verdict, reasons: [], signatures };
}

describe('return (trả lại, status 02) reason from a verdict', () => {
  it('nothing to return when the document is valid', () => {
    expect(returnReasonVi(report('valid', [signature('Nguyễn Văn An', ['SIGNING_TIME_CLAIMED'])]))).toBeNull();
  });

  it('names each failing signer with one short clause per problem, skipping informative ones', () => {
    const text = returnReasonVi(
      report('invalid', [
        signature('Nguyễn Văn An', []),
        signature('ỦY BAN NHÂN DÂN TỈNH X', ['DIGEST_MISMATCH', 'CA_REVOKED', 'SIGNING_TIME_CLAIMED']),
      ]),
    );
    expect(text).toBe(
      'Văn bản điện tử không hợp lệ về chữ ký số. Chữ ký số của ỦY BAN NHÂN DÂN TỈNH X: nội dung văn bản đã bị ' +
        'thay đổi sau khi ký; chứng thư số của tổ chức cấp đã bị thu hồi. Đề nghị kiểm tra và gửi lại.',
    );
    expect(text).not.toContain('Nguyễn Văn An');
  });

  it('an undecided verdict is phrased as not yet verified; no signatures is said', () => {
    expect(returnReasonVi(report('indeterminate', [signature('Trần Bình', ['REVOCATION_UNKNOWN'])]))).toMatch(
      /^Chưa xác thực được chữ ký số của văn bản\. Chữ ký số của Trần Bình: chưa xác định được chứng thư số có bị thu hồi/,
    );
    expect(returnReasonVi(report('invalid', []))).toContain('Văn bản không có chữ ký số.');
  });

  it('stays within the length status 02 carries', () => {
    const many = Array.from({ length: 20 }, (_, i) =>
      signature(`Người ký số ${i} có tên rất dài`, ['DIGEST_MISMATCH', 'CERT_REVOKED', 'CHAIN_UNTRUSTED']),
    );
    expect(returnReasonVi(report('invalid', many))?.length).toBeLessThanOrEqual(RETURN_REASON_MAX);
  });
});
