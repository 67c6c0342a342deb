import { mkdir } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { runBatch } from '../../services/pdf/sign/batch.ts';
import type { Command } from './command.ts';
import { invalid, parseOptions, required } from './args.ts';
import { openSigner, printResult, SIGN_OPTIONS, signOperation, TOKEN_OPTIONS } from './sign.ts';

export const signBatchCommand: Command = {
  name: 'sign-batch',
  summary: 'Ký số nhiều tệp PDF với một lần đăng nhập token',
  usage:
    'vanthu sign-batch --module PATH --token LABEL --key-id HEX --role ROLE --out-dir DIR FILE.pdf… [--json]\n' +
    '(các tùy chọn ký khác như lệnh sign; tệp ra cùng tên trong DIR)',
  async run(args, { io }) {
    const { values, positionals } = parseOptions(
      args,
      { 'out-dir': { type: 'string' }, ...TOKEN_OPTIONS, ...SIGN_OPTIONS },
      true,
    );
    const outDir = required(values['out-dir'], 'out-dir');
    if (positionals.length === 0) {
      throw invalid('Chưa chọn tệp PDF nào.');
    }
    await mkdir(outDir, { recursive: true });
    const json = values.json === true;
    const handle = await openSigner(values, args, io);
    try {
      const operation = await signOperation(values, handle.signer);
      const results = await runBatch(
        positionals.map((inPath) => ({ inPath, outPath: join(outDir, basename(inPath)) })),
        operation,
        (p) => {
          // Progress goes to stderr so that --json output stays one parseable document.
          if (p.current !== undefined) {
            io.err(`[${p.done + 1}/${p.total}] ${p.current}\n`);
          }
        },
      );
      const failed = results.filter((r) => !r.ok).length;
      const human = results
        .map((r) => (r.ok ? `✔ ${r.outPath}` : `✘ ${r.inPath}: [${r.error.code}] ${r.error.message}`))
        .join('\n');
      printResult(
        io,
        json,
        { total: results.length, failed, results },
        `${human}\nĐã ký ${results.length - failed}/${results.length} tệp.`,
      );
      return failed === 0 ? 0 : 1;
    } finally {
      await handle.close();
    }
  },
};
