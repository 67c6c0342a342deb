import { readPdfInput } from '../../services/pdf/sign/input.ts';
import { numberPdf } from '../../services/pdf/sign/number.ts';
import type { Command } from './command.ts';
import { parseOptions, required } from './args.ts';
import { printResult } from './sign.ts';

export const numberCommand: Command = {
  name: 'number',
  summary: 'Cấp số: ghi số/ký hiệu và ngày ban hành vào văn bản đã ký (chữ ký vẫn hợp lệ)',
  usage: 'vanthu number --in IN.pdf --out OUT.pdf --so "15/QĐ-UBND" --date 2026-11-22 [--dia-danh "Bắc Ninh"] [--json]',
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
    const result = await numberPdf(bytes, outPath, {
      soKyHieu: required(values.so, 'so'),
      ngayBanHanh: required(values.date, 'date'),
      ...(values['dia-danh'] === undefined ? {} : { diaDanh: values['dia-danh'] }),
    });
    printResult(io, values.json === true, { ...result, outPath }, `${result.soText} — ${result.ngayText}: ${outPath}`);
    return 0;
  },
};
