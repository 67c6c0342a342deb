import { readPdfInput } from '../../services/pdf/sign/input.ts';
import { writeNumber } from '../../services/pdf/sign/write-number.ts';
import type { Command } from './command.ts';
import { parseOptions, required } from './args.ts';
import { printResult } from './sign.ts';

/**
 * Writes a số/ký hiệu and date already taken into a signed file's fields. It does not take a
 * number from a sổ đăng ký (that is cấp số, `outgoing.issueNumber`): hence `write-number`.
 */
export const writeNumberCommand: Command = {
  name: 'write-number',
  summary: 'Ghi số, ký hiệu và ngày ban hành vào văn bản đã ký (chữ ký vẫn hợp lệ; không lấy số từ sổ)',
  usage:
    'vanthu write-number --in IN.pdf --out OUT.pdf --so "15/QĐ-UBND" --date 2026-11-22 [--dia-danh "Bắc Ninh"] [--json]',
  async run(args, { io }) {
    const { values } = parseOptions(args, {
      in: { type: 'string' },
      out: { type: 'string' },
      so: { type: 'string' },
      date: { type: 'string' },
      'dia-danh': { type: 'string' },
      json: { type: 'boolean' },
    });
    const inPath = required(values.in, 'in');
    const outPath = required(values.out, 'out');
    const bytes = await readPdfInput(inPath);
    const result = await writeNumber(bytes, outPath, {
      soKyHieu: required(values.so, 'so'),
      ngayBanHanh: required(values.date, 'date'),
      ...(values['dia-danh'] === undefined ? {} : { diaDanh: values['dia-danh'] }),
    });
    printResult(io, values.json === true, { ...result, outPath }, `${result.soText} — ${result.ngayText}: ${outPath}`);
    return 0;
  },
};

/** The command's name before `write-number`: scripts written for it keep working, told of the new name on stderr. */
export const numberAliasCommand: Command = {
  name: 'number',
  summary: 'Tên cũ của write-number (sẽ bỏ); dùng: vanthu write-number',
  usage: `${writeNumberCommand.usage}\n(Tên cũ "vanthu number" sẽ bỏ; dùng "vanthu write-number".)`,
  async run(args, context) {
    context.io.err('Lưu ý: lệnh "vanthu number" đã đổi tên thành "vanthu write-number"; tên cũ sẽ bỏ ở bản sau.\n');
    return writeNumberCommand.run(args, context);
  },
};
