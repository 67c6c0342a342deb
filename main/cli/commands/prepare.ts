import type { SignatureRole } from '../../services/pdf/placement.ts';
import { prepareFields } from '../../services/signing/prepare.ts';
import type { Command } from '../command.ts';
import { parseOptions, parseRole, printResult, required } from './sign.ts';

export const prepareCommand: Command = {
  name: 'prepare',
  summary: 'Chuẩn bị văn bản: tạo trường số/ký hiệu, ngày ban hành và các trường chữ ký',
  usage: 'vanthu prepare --in IN.pdf --out OUT.pdf [--auto] [--signers personal,organization] [--json]',
  async run(args, { io }) {
    const { values } = parseOptions(args, {
      in: { type: 'string' },
      out: { type: 'string' },
      auto: { type: 'boolean' },
      signers: { type: 'string' },
      json: { type: 'boolean' },
    });
    const inPath = required(values.in, 'in');
    const outPath = required(values.out, 'out');
    const roles: SignatureRole[] = (values.signers ?? 'personal,organization')
      .split(',')
      .map((r) => parseRole(r.trim()));
    const result = await prepareFields({
      path: inPath,
      outPath,
      signers: roles,
      placement: values.auto === true ? 'auto' : 'default',
    });
    printResult(
      io,
      values.json === true,
      { ...result, outPath },
      `Đã tạo các trường ${result.fields.join(', ')}: ${outPath}`,
    );
    return 0;
  },
};
