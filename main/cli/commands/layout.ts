import { isVanthuError } from '../../../preload/contract/index.ts';
import { LayoutProposeRequestSchema, type LayoutProposal } from '../../../preload/contract/layout.ts';
import type { CliIo, Command } from './command.ts';

const ROLE_VI = {
  personal: 'Chữ ký lãnh đạo',
  organization: 'Dấu cơ quan',
  appendix: 'Phụ lục (góc trên phải)',
  copy: 'Bản sao (góc trên phải)',
} as const;
const FIELD_VI = { so: 'số, ký hiệu', ngay: 'ngày ban hành' } as const;

interface Args {
  readonly file: string;
  readonly json: boolean;
  readonly image?: string;
  readonly seal?: string;
  readonly signer?: string;
}

function parseArgs(args: readonly string[]): Args | string {
  let file: string | undefined;
  let json = false;
  const values: { image?: string; seal?: string; signer?: string } = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === '--json') {
      json = true;
    } else if (arg === '--image' || arg === '--seal' || arg === '--signer') {
      const value = args[++i];
      if (value === undefined) {
        return `Thiếu giá trị sau ${arg}.`;
      }
      values[arg.slice(2) as 'image' | 'seal' | 'signer'] = value;
    } else if (arg.startsWith('--')) {
      return `Tùy chọn không hợp lệ: ${arg}`;
    } else if (file === undefined) {
      file = arg;
    } else {
      return `Thừa tham số: ${arg}`;
    }
  }
  return file === undefined ? 'Thiếu tệp PDF.' : { file, json, ...values };
}

function printText(io: CliIo, proposal: LayoutProposal): void {
  io.out(`Số trang: ${proposal.pageCount}\n`);
  for (const c of proposal.candidates) {
    const r = c.rect;
    io.out(
      `\n${ROLE_VI[c.role]}: trang ${c.pageIndex + 1}, [${r.x.toFixed(1)} ${r.y.toFixed(1)} ${r.width.toFixed(1)} × ${r.height.toFixed(1)}] pt, độ tin cậy ${Math.round(c.confidence * 100)}%\n`,
    );
    for (const e of c.evidence) {
      io.out(`  - ${e}\n`);
    }
  }
  for (const f of proposal.fields) {
    const r = f.rect;
    io.out(
      `\nÔ ${FIELD_VI[f.kind]}: trang ${f.pageIndex + 1}, [${r.x.toFixed(1)} ${r.y.toFixed(1)} ${r.width.toFixed(1)} × ${r.height.toFixed(1)}] pt\n`,
    );
    for (const e of f.evidence) {
      io.out(`  - ${e}\n`);
    }
  }
  for (const w of proposal.warnings) {
    io.out(`\nCảnh báo: ${w}\n`);
  }
}

/** `vanthu layout <file.pdf>`: where ND30 would put each signature, and why. */
export const layoutCommand: Command = {
  name: 'layout',
  summary: 'Đề xuất vị trí chữ ký, con dấu theo Nghị định 30 (kèm căn cứ)',
  usage: 'vanthu layout <tệp.pdf> [--image chu-ky.png] [--seal con-dau.png] [--signer "Họ tên"] [--json]',
  async run(args, context) {
    const parsed = parseArgs(args);
    if (typeof parsed === 'string') {
      context.io.err(`${parsed}\nCách dùng: ${this.usage}\n`);
      return 64;
    }
    try {
      const layout = await context.service('layout');
      const proposal = await layout.propose(
        LayoutProposeRequestSchema.parse({
          path: parsed.file,
          render: false,
          ...(parsed.image === undefined ? {} : { signatureImagePath: parsed.image }),
          ...(parsed.seal === undefined ? {} : { sealImagePath: parsed.seal }),
          ...(parsed.signer === undefined ? {} : { signerName: parsed.signer }),
        }),
      );
      if (parsed.json) {
        context.io.out(`${JSON.stringify(proposal, null, 2)}\n`);
      } else {
        printText(context.io, proposal);
      }
      // 0 when the signer block was found, 2 when the user must place the signature by hand.
      return proposal.candidates.some((c) => c.role === 'personal') ? 0 : 2;
    } catch (error) {
      if (isVanthuError(error)) {
        context.io.err(`${error.message}\n`);
        return 3;
      }
      throw error;
    }
  },
};
