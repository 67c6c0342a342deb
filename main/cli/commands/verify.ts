import { existsSync } from 'node:fs';
import { isVanthuError } from '../../../preload/contract/errors.ts';
import type { SignatureReport, VerifyReport } from '../../../preload/contract/verify.ts';
import { formatTimeVi } from '../../services/pdf/verify/problems.ts';
import { parseOptionsOrReason } from './args.ts';
import type { CliIo, Command } from './command.ts';

const EXIT = { valid: 0, invalid: 1, indeterminate: 2, unreadable: 3 } as const;

interface Args {
  readonly file: string;
  readonly trust: string[];
  readonly offline: boolean;
  readonly json: boolean;
  readonly fromProof: boolean;
}

function parseArgs(args: readonly string[]): Args | string {
  const parsed = parseOptionsOrReason(args, {
    trust: { type: 'string', multiple: true },
    offline: { type: 'boolean' },
    json: { type: 'boolean' },
    'from-proof': { type: 'boolean' },
  });
  if (typeof parsed === 'string') {
    return parsed;
  }
  const { values, positionals } = parsed;
  const [file, extra] = positionals;
  if (extra !== undefined) {
    return `Thừa tham số: ${extra}`;
  }
  return file === undefined
    ? 'Thiếu tệp PDF cần kiểm tra.'
    : {
        file,
        trust: values.trust ?? [],
        offline: values.offline === true,
        json: values.json === true,
        fromProof: values['from-proof'] === true,
      };
}

/** The JSON fields the issue fixes, per signature, in that order. */
function jsonSignature(sig: SignatureReport) {
  return {
    field: sig.field,
    signer: { commonName: sig.signer.commonName, subject: sig.signer.subject },
    signingTime: sig.signingTime,
    timestampTime: sig.timestampTime,
    integrity: sig.integrity,
    coverage: sig.coverage,
    changesAfter: sig.changesAfter,
    trust: sig.trust,
    revocation: { status: sig.revocation.status, checkedAt: sig.revocation.checkedAt },
    verdict: sig.verdict,
    problems: sig.problems.map((p) => p.message),
  };
}

const VERDICT_VI = { valid: 'HỢP LỆ', invalid: 'KHÔNG HỢP LỆ', indeterminate: 'CHƯA XÁC ĐỊNH' } as const;
const INTEGRITY_VI = {
  ok: 'toàn vẹn',
  broken: 'đã bị thay đổi',
  unknown: 'chưa kiểm tra được (thuật toán không được hỗ trợ)',
} as const;
const COVERAGE_VI = {
  whole: 'toàn bộ tệp',
  revision: 'một phiên bản trước của tệp',
  partial: 'chỉ một phần tệp',
} as const;
const CHANGES_VI = { none: 'không có', permitted: 'có, được phép', 'not-permitted': 'có, KHÔNG được phép' } as const;
const TRUST_VI = { trusted: 'tin cậy', untrusted: 'không tin cậy', unknown: 'chưa xác định' } as const;
const REVOCATION_VI = { good: 'chưa bị thu hồi', revoked: 'ĐÃ BỊ THU HỒI', unknown: 'chưa xác định' } as const;
const SOURCE_VI = {
  ocsp: 'OCSP',
  crl: 'CRL',
  cache: 'lần kiểm tra trước',
  proof: 'hồ sơ xác thực đã lưu',
  none: 'không có',
} as const;
const TIME_SOURCE_VI = { timestamp: 'theo dấu thời gian', claimed: 'do người ký tự khai', none: 'không có' } as const;

function printText(io: CliIo, report: VerifyReport): void {
  io.out(`Kết luận: ${VERDICT_VI[report.verdict]}\n`);
  for (const reason of report.reasons) {
    io.out(`  - ${reason}\n`);
  }
  for (const sig of report.signatures) {
    io.out(`\nTrường "${sig.field}": ${VERDICT_VI[sig.verdict]}\n`);
    io.out(
      `  Người ký: ${sig.signer.commonName}${sig.signer.organization === '' ? '' : ` — ${sig.signer.organization}`}\n`,
    );
    io.out(
      `  Thời điểm ký: ${sig.signingTime === null ? 'không rõ' : formatTimeVi(new Date(sig.signingTime))} (${TIME_SOURCE_VI[sig.signingTimeSource]})\n`,
    );
    io.out(`  Nội dung: ${INTEGRITY_VI[sig.integrity]}; chữ ký bao trùm ${COVERAGE_VI[sig.coverage]}\n`);
    io.out(`  Thay đổi sau khi ký: ${CHANGES_VI[sig.changesAfter]}\n`);
    io.out(
      `  Chứng thư số: ${TRUST_VI[sig.trust]}; ${REVOCATION_VI[sig.revocation.status]} (nguồn: ${SOURCE_VI[sig.revocation.source]})\n`,
    );
  }
}

export const verifyCommand: Command = {
  name: 'verify',
  summary: 'Kiểm tra chữ ký số trên văn bản PDF đến',
  usage:
    'vanthu verify FILE.pdf [--trust PATH]... [--offline] [--from-proof] [--json]\n' +
    '--from-proof: kiểm tra lại theo hồ sơ xác thực đã lưu ở lần kiểm tra trước (khi chứng thư số đã hết hạn).\n' +
    'Mã thoát: 0 hợp lệ, 1 không hợp lệ, 2 chưa xác định, 3 không phải PDF hoặc không đọc được.',
  async run(args, { io, service }) {
    const parsed = parseArgs(args);
    if (typeof parsed === 'string') {
      io.err(`${parsed}\n${this.usage}\n`);
      return 64;
    }
    const missing = parsed.trust.find((path) => !existsSync(path));
    if (missing !== undefined) {
      io.err(`Không tìm thấy chứng thư gốc tin cậy: ${missing}\n`);
      return 64;
    }
    let report: VerifyReport;
    try {
      const verifier = await service('verify');
      report = await verifier.verify({
        path: parsed.file,
        trustPaths: parsed.trust,
        offline: parsed.offline,
        fromProof: parsed.fromProof,
      });
    } catch (error) {
      if (!isVanthuError(error)) {
        throw error;
      }
      if (parsed.json) {
        io.out(`${JSON.stringify({ ok: false, error: error.toAppError() })}\n`);
      }
      io.err(`Lỗi [${error.code}]: ${error.message}\n`);
      const unreadable = ['PDF_MALFORMED', 'FILE_NOT_FOUND', 'FILE_TOO_LARGE', 'PDF_ENCRYPTED'].includes(error.code);
      return unreadable ? EXIT.unreadable : EXIT.indeterminate;
    }
    if (parsed.json) {
      io.out(
        `${JSON.stringify(
          {
            file: report.file,
            verdict: report.verdict,
            reasons: report.reasons,
            signatures: report.signatures.map(jsonSignature),
          },
          null,
          2,
        )}\n`,
      );
    } else {
      printText(io, report);
    }
    return EXIT[report.verdict];
  },
};
