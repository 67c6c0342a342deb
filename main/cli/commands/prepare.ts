import type { SignatureRole } from '../../services/pdf/placement.ts';
import { prepareFields } from '../../services/signing/prepare.ts';
import type { Command } from './command.ts';
import { parseOptions, required } from './args.ts';
import { parsePlacement, parseRole, printResult } from './sign.ts';

export const prepareCommand: Command = {
  name: 'prepare',
  summary: 'Chuẩn bị văn bản: tạo trường số/ký hiệu, ngày ban hành và các trường chữ ký',
  usage:
    'vanthu prepare --in IN.pdf --out OUT.pdf [--auto] [--signers personal,organization]\n' +
    '               [--so-page N --so-rect x,y,w,h] [--ngay-page N --ngay-rect x,y,w,h] [--json]\n' +
    'Với --auto, thiếu ô số hoặc ô ngày thì dừng (PDF_FIELD_PLACEMENT_NOT_FOUND): đặt khung bằng --so-*/--ngay-*.',
  async run(args, { io }) {
    const { values } = parseOptions(args, {
      in: { type: 'string' },
      out: { type: 'string' },
      auto: { type: 'boolean' },
      signers: { type: 'string' },
      'so-page': { type: 'string' },
      'so-rect': { type: 'string' },
      'ngay-page': { type: 'string' },
      'ngay-rect': { type: 'string' },
      json: { type: 'boolean' },
    });
    const soKyHieu = parsePlacement(values['so-page'], values['so-rect']);
    const ngayBanHanh = parsePlacement(values['ngay-page'], values['ngay-rect']);
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
      ...(soKyHieu === undefined ? {} : { soKyHieu }),
      ...(ngayBanHanh === undefined ? {} : { ngayBanHanh }),
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
