import { readFileSync, writeFileSync } from 'node:fs';
import { ERROR_CODES, errorTextVi } from '../preload/contract/index.ts';

/*
 * The README's error-code table, generated from the contract. `--write` rewrites the block
 * between the markers; tests/unit/docs checks the README is in step.
 */
export function errorTable(): string {
  const rows = ERROR_CODES.map(
    (code) => `| \`${code}\` | ${errorTextVi[code].message} | ${errorTextVi[code].action} |`,
  );
  return ['| code | thông báo | cách xử lý |', '|---|---|---|', ...rows].join('\n');
}

export const START = '<!-- error-codes:start -->';
export const END = '<!-- error-codes:end -->';

if (process.argv.includes('--write')) {
  const readme = readFileSync('README.md', 'utf8');
  const before = readme.slice(0, readme.indexOf(START) + START.length);
  const after = readme.slice(readme.indexOf(END));
  writeFileSync('README.md', `${before}\n${errorTable()}\n${after}`);
}
