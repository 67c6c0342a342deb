import type { Verdict, VerifyProblem, VerifyProblemCode } from '../../../../preload/contract/verify.ts';

type Severity = VerifyProblem['severity'];

const TEXT: Readonly<Record<VerifyProblemCode, { readonly message: string; readonly severity: Severity }>> = {
  CMS_MALFORMED: { message: 'Dữ liệu chữ ký số bị hỏng, không đọc được.', severity: 'invalid' },
  DIGEST_MISMATCH: {
    message: 'Nội dung văn bản đã bị thay đổi so với lúc ký (giá trị băm không khớp).',
    severity: 'invalid',
  },
  SIGNATURE_INVALID: { message: 'Chữ ký số không khớp với chứng thư số của người ký.', severity: 'invalid' },
  BYTE_RANGE_INVALID: { message: 'Vùng dữ liệu được ký (ByteRange) không hợp lệ.', severity: 'invalid' },
  BYTE_RANGE_PARTIAL: {
    message:
      'Chữ ký chỉ phủ một phần tệp: có dữ liệu của lần lưu được ký nằm ngoài vùng được ký (ngoài chỗ chứa chữ ký), nên có thể bị sửa mà không phát hiện được.',
    severity: 'invalid',
  },
  SIGNER_CERT_MISSING: { message: 'Chữ ký không kèm chứng thư số của người ký.', severity: 'indeterminate' },
  ALGORITHM_UNSUPPORTED: {
    message: 'Chữ ký dùng thuật toán không được hỗ trợ, nên chưa kiểm tra được tính toàn vẹn (không kết luận là hỏng).',
    severity: 'indeterminate',
  },
  CHANGES_NOT_PERMITTED: { message: 'Văn bản bị sửa sau khi ký theo cách không được phép.', severity: 'invalid' },
  CHANGES_PERMITTED: {
    message: 'Sau khi ký có thay đổi được phép (điền biểu mẫu, ký tiếp hoặc thêm chú thích).',
    severity: 'info',
  },
  CHANGES_UNREADABLE: {
    message: 'Tệp PDF được mã hóa bằng mật khẩu nên không đọc được để kiểm tra văn bản có bị sửa sau khi ký hay không.',
    severity: 'indeterminate',
  },
  CHAIN_UNTRUSTED: {
    message: 'Chứng thư số không do tổ chức cung cấp dịch vụ tin cậy cấp (không chuỗi được đến chứng thư gốc tin cậy).',
    severity: 'indeterminate',
  },
  CHAIN_INCOMPLETE: {
    message: 'Thiếu chứng thư số của tổ chức cấp để kiểm tra đến chứng thư gốc.',
    severity: 'indeterminate',
  },
  CERT_EXPIRED_AT_SIGNING: { message: 'Chứng thư số đã hết hạn tại thời điểm ký.', severity: 'invalid' },
  CERT_NOT_YET_VALID_AT_SIGNING: {
    message: 'Chứng thư số chưa có hiệu lực tại thời điểm ký.',
    severity: 'invalid',
  },
  CERT_KEY_USAGE: { message: 'Chứng thư số không được phép dùng để ký số.', severity: 'invalid' },
  CERT_REVOKED: { message: 'Chứng thư số đã bị thu hồi.', severity: 'invalid' },
  CA_REVOKED: {
    message: 'Chứng thư số của tổ chức cấp chứng thư cho người ký (CA trung gian) đã bị thu hồi.',
    severity: 'invalid',
  },
  CA_REVOCATION_UNKNOWN: {
    message: 'Chưa xác định được chứng thư số của tổ chức cấp (CA trung gian) có bị thu hồi hay không.',
    severity: 'indeterminate',
  },
  TSA_CERT_USAGE: {
    message:
      'Chứng thư số của đơn vị cấp dấu thời gian không dành cho việc cấp dấu thời gian (thiếu id-kp-timeStamping).',
    severity: 'indeterminate',
  },
  REVOCATION_UNKNOWN: {
    message: 'Chưa xác định được chứng thư số có bị thu hồi hay không (không có kết quả OCSP/CRL).',
    severity: 'indeterminate',
  },
  REVOCATION_FROM_CACHE: { message: 'Tình trạng thu hồi lấy từ lần kiểm tra trước.', severity: 'info' },
  REVOCATION_FROM_PROOF: {
    message: 'Kiểm tra lại theo hồ sơ xác thực đã lưu (chứng thư, OCSP/CRL tại thời điểm kiểm tra trước).',
    severity: 'info',
  },
  SIGNING_TIME_CLAIMED: {
    message: 'Thời điểm ký do người ký tự khai, không có dấu thời gian xác thực.',
    severity: 'info',
  },
  TIMESTAMP_INVALID: { message: 'Dấu thời gian không hợp lệ.', severity: 'indeterminate' },
  NO_SIGNATURES: { message: 'Văn bản không có chữ ký số.', severity: 'invalid' },
};

/** One problem with its Vietnamese sentence; `detail` adds the specifics (dates, objects, names). */
export function problem(code: VerifyProblemCode, detail?: string): VerifyProblem {
  const text = TEXT[code];
  return { code, severity: text.severity, message: detail === undefined ? text.message : `${text.message} ${detail}` };
}

/** Invalid beats indeterminate beats valid. */
export function verdictOf(problems: readonly VerifyProblem[]): Verdict {
  if (problems.some((p) => p.severity === 'invalid')) {
    return 'invalid';
  }
  if (problems.some((p) => p.severity === 'indeterminate')) {
    return 'indeterminate';
  }
  return 'valid';
}

export function combineVerdicts(verdicts: readonly Verdict[]): Verdict {
  if (verdicts.length === 0 || verdicts.includes('invalid')) {
    return 'invalid';
  }
  return verdicts.includes('indeterminate') ? 'indeterminate' : 'valid';
}

/** dd/mm/yyyy hh:mm in Vietnam time (UTC+7), the way a văn thư reads dates. */
export function formatTimeVi(date: Date): string {
  const local = new Date(date.getTime() + 7 * 3_600_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())} ngày ${pad(local.getUTCDate())}/${pad(local.getUTCMonth() + 1)}/${local.getUTCFullYear()}`;
}

export function ageVi(from: Date, now: Date): string {
  const minutes = Math.max(0, Math.round((now.getTime() - from.getTime()) / 60_000));
  if (minutes < 60) {
    return `${minutes} phút trước`;
  }
  if (minutes < 48 * 60) {
    return `${Math.round(minutes / 60)} giờ trước`;
  }
  return `${Math.round(minutes / 1440)} ngày trước`;
}
