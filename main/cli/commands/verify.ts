import { isVanthuError } from '../../../preload/contract/index.ts';
import type { SignatureReport, VerifyReport } from '../../../preload/contract/verify.ts';
import type { CliIo, Command } from '../command.ts';

const EXIT = { valid: 0, invalid: 1, indeterminate: 2, unreadable: 3 } as const;

interface Args {
  readonly file: string;
  readonly trust: string[];
  readonly offline: boolean;
  readonly json: boolean;
}

function parseArgs(args: readonly string[]): Args | string {
  const trust: string[] = [];
  let file: string | undefined;
  let offline = false;
  let json = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === '--trust') {
      const value = args[++i];
      if (value === undefined) return 'Thiếu đường dẫn sau --trust.';
      trust.push(value);
    } else if (arg === '--offline') offline = true;
    else if (arg === '--json') json = true;
    else if (arg.startsWith('--')) return `Tùy chọn không hợp lệ: ${arg}`;
    else if (file === undefined) file = arg;
    else return `Thừa tham số: ${arg}`;
  }
  return file === undefined ? 'Thiếu tệp PDF cần kiểm tra.' : { file, trust, offline, json };
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

function printText(io: CliIo, report: VerifyReport): void {
  io.out(`Kết luận: ${VERDICT_VI[report.verdict]}\n`);
  for (const reason of report.reasons) io.out(`  - ${reason}\n`);
  for (const sig of report.signatures) {
    io.out(`\nTrường "${sig.field}": ${VERDICT_VI[sig.verdict]}\n`);
    io.out(
      `  Người ký: ${sig.signer.commonName}${sig.signer.organization === '' ? '' : ` — ${sig.signer.organization}`}\n`,
    );
    io.out(`  Thời điểm ký: ${sig.signingTime ?? 'không rõ'} (${sig.signingTimeSource})\n`);
    io.out(`  Toàn vẹn: ${sig.integrity}; phạm vi: ${sig.coverage}; thay đổi sau khi ký: ${sig.changesAfter}\n`);
    io.out(`  Tin cậy: ${sig.trust}; thu hồi: ${sig.revocation.status}\n`);
  }
}

export const verifyCommand: Command = {
  name: 'verify',
  summary: 'Kiểm tra chữ ký số trên văn bản PDF đến',
  usage:
    'vanthu verify FILE.pdf [--trust PATH]... [--offline] [--json]\n' +
    'Mã thoát: 0 hợp lệ, 1 không hợp lệ, 2 chưa xác định, 3 không phải PDF hoặc không đọc được.',
  async run(args, { io, services }) {
    const parsed = parseArgs(args);
    if (typeof parsed === 'string') {
      io.err(`${parsed}\n${this.usage}\n`);
      return 64;
    }
    let report: VerifyReport;
    try {
      report = await services().verify.verify({ path: parsed.file, trustPaths: parsed.trust, offline: parsed.offline });
    } catch (error) {
      if (!isVanthuError(error)) throw error;
      if (parsed.json) io.out(`${JSON.stringify({ ok: false, error: error.toAppError() })}\n`);
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
