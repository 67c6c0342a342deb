import { errorMessageVi, VanthuError } from '../../../preload/contract/index.ts';
import type { SignatureRole } from '../../services/pdf/placement.ts';
import { defaultPrepareOptions } from '../../services/pdf/sign/default-placements.ts';
import { readPdfInput } from '../../services/pdf/sign/input.ts';
import { preparePdf } from '../../services/pdf/sign/prepare.ts';
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
    if (values.auto === true) {
      throw new VanthuError(
        'PDF_PLACEMENT_NOT_FOUND',
        errorMessageVi(
          'PDF_PLACEMENT_NOT_FOUND',
          'Chưa có mô-đun tự xác định vị trí; bỏ --auto để dùng vị trí mặc định.',
        ),
      );
    }
    const bytes = await readPdfInput(inPath);
    const result = await preparePdf(bytes, outPath, await defaultPrepareOptions(bytes, roles));
    printResult(
      io,
      values.json === true,
      { ...result, outPath },
      `Đã tạo các trường ${result.fields.join(', ')}: ${outPath}`,
    );
    return 0;
  },
};
