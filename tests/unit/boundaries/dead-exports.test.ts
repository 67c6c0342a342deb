import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findDeadExports } from '../../../scripts/dead-exports.ts';

const root = mkdtempSync(join(tmpdir(), 'dead-exports-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const files: Record<string, string> = {
  'lib/a.ts': [
    'export const used = 1;',
    'export const unused = 2;',
    'export interface Options { readonly n: number }',
    'export function run(options: Options): number { return options.n; }',
    'export type NeverImported = string;',
  ].join('\n'),
  'lib/index.ts': "export * from './a.ts';\nexport { other as renamed } from './b.ts';",
  'lib/b.ts': 'export const other = 3;\nexport const alsoUnused = 4;',
  'lib/whole.ts': 'export const anything = 5;',
  'lib/typed.ts': 'export interface Seen { readonly x: number }\nexport interface NotSeen { readonly y: number }',
  'app/main.ts': [
    "import { used, run } from '../lib/index.ts';",
    "import { renamed } from '../lib/index.ts';",
    "import * as whole from '../lib/whole.ts';",
    "type T = import('../lib/typed.ts').Seen;",
    'export const total: T | number = used + renamed + run({ n: 1 }) + whole.anything;',
  ].join('\n'),
};
for (const [path, text] of Object.entries(files)) {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
}

describe('scripts/dead-exports.ts (run by npm run lint)', () => {
  it('lists exactly the exports no file imports, following export * and re-exports', () => {
    expect(findDeadExports(root, Object.keys(files))).toEqual([
      'app/main.ts: total',
      'lib/a.ts: NeverImported',
      'lib/a.ts: unused',
      'lib/b.ts: alsoUnused',
      'lib/typed.ts: NotSeen',
    ]);
  });
});
