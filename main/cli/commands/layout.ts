import { isVanthuError } from '../../../preload/contract/index.ts';
import { LayoutProposeRequestSchema, type LayoutProposal } from '../../../preload/contract/layout.ts';
import { parseOptionsOrReason } from './args.ts';
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
  const parsed = parseOptionsOrReason(args, {
    json: { type: 'boolean' },
    image: { type: 'string' },
    seal: { type: 'string' },
    signer: { type: 'string' },
  });
  if (typeof parsed === 'string') {
    return parsed;
  }
  const { json, ...values } = parsed.values;
  const [file, extra] = parsed.positionals;
  if (extra !== undefined) {
    return `Thừa tham số: ${extra}`;
  }
  return file === undefined ? 'Thiếu tệp PDF.' : { file, json: json === true, ...values };
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
