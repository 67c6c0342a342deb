import type { VerifyProblemCode, VerifyReport } from './verify.ts';

/** Status 02 (từ chối tiếp nhận / trả lại) carries its reason in the edXML Description; outgoing caps it at 500. */
export const RETURN_REASON_MAX = 500;

/** One short sentence per problem, phrased towards the sender; informative problems say nothing. */
const SHORT: Readonly<Record<VerifyProblemCode, string | null>> = {
  CMS_MALFORMED: 'dữ liệu chữ ký số bị hỏng',
  DIGEST_MISMATCH: 'nội dung văn bản đã bị thay đổi sau khi ký',
  SIGNATURE_INVALID: 'chữ ký số không khớp với chứng thư số',
  BYTE_RANGE_INVALID: 'vùng dữ liệu được ký không hợp lệ',
  BYTE_RANGE_PARTIAL: 'chữ ký chỉ phủ một phần tệp',
  SIGNER_CERT_MISSING: 'chữ ký không kèm chứng thư số',
  ALGORITHM_UNSUPPORTED: 'chữ ký dùng thuật toán không được hỗ trợ, chưa kiểm tra được',
  CHANGES_NOT_PERMITTED: 'văn bản bị sửa sau khi ký',
  CHANGES_PERMITTED: null,
  CHANGES_UNREADABLE: 'tệp được mã hóa bằng mật khẩu nên không kiểm tra được văn bản có bị sửa sau khi ký',
  CHAIN_UNTRUSTED: 'chứng thư số không do tổ chức cung cấp dịch vụ tin cậy cấp',
  CHAIN_INCOMPLETE: 'thiếu chứng thư số của tổ chức cấp',
  CERT_EXPIRED_AT_SIGNING: 'chứng thư số đã hết hạn khi ký',
  CERT_NOT_YET_VALID_AT_SIGNING: 'chứng thư số chưa có hiệu lực khi ký',
  CERT_KEY_USAGE: 'chứng thư số không dùng để ký số',
  CERT_REVOKED: 'chứng thư số đã bị thu hồi',
  CA_REVOKED: 'chứng thư số của tổ chức cấp đã bị thu hồi',
  CA_REVOCATION_UNKNOWN: 'chưa xác định được tình trạng thu hồi của tổ chức cấp',
  TSA_CERT_USAGE: 'dấu thời gian do chứng thư không dành cho việc cấp dấu thời gian ký',
  REVOCATION_UNKNOWN: 'chưa xác định được chứng thư số có bị thu hồi hay không',
  REVOCATION_FROM_CACHE: null,
  REVOCATION_FROM_PROOF: null,
  SIGNING_TIME_CLAIMED: null,
  TIMESTAMP_INVALID: 'dấu thời gian không hợp lệ',
  NO_SIGNATURES: 'văn bản không có chữ ký số',
};

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * The reason text for returning an incoming document (status 02), from its verification: one
 * short sentence per signature that is not valid, naming the signer as in the certificate.
 * Null when the verdict is valid (there is nothing to return). The văn thư may still edit it.
 */
export function returnReasonVi(report: VerifyReport): string | null {
  if (report.verdict === 'valid') {
    return null;
  }
  const head =
    report.verdict === 'invalid'
      ? 'Văn bản điện tử không hợp lệ về chữ ký số.'
      : 'Chưa xác thực được chữ ký số của văn bản.';
  const sentences: string[] = [];
  if (report.signatures.length === 0) {
    sentences.push(`${capitalize(SHORT.NO_SIGNATURES as string)}.`);
  }
  for (const sig of report.signatures) {
    if (sig.verdict === 'valid') {
      continue;
    }
    const parts = [...new Set(sig.problems.map((p) => SHORT[p.code]).filter((s): s is string => s !== null))];
    if (parts.length === 0) {
      continue;
    }
    const name = sig.signer.commonName === '' ? `trường "${sig.field}"` : sig.signer.commonName;
    const whose = sig.kind === 'document-timestamp' ? `Dấu thời gian (${name})` : `Chữ ký số của ${name}`;
    sentences.push(`${whose}: ${parts.join('; ')}.`);
  }
  sentences.push('Đề nghị kiểm tra và gửi lại.');
  let text = [head, ...sentences].join(' ');
  if (text.length > RETURN_REASON_MAX) {
    text = `${text.slice(0, RETURN_REASON_MAX - 1).trimEnd()}…`;
  }
  return text;
}
