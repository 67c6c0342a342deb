import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const repo = fileURLToPath(new URL('../../../', import.meta.url));
let dir = '';

/**
 * The Electron main process runs an esbuild CommonJS bundle (scripts/build.ts), where
 * import.meta is empty and pdf.worker.mjs is not next to the bundle. Layout and appearance
 * code must work there too: bundle them the same way and run the result.
 */
describe('layout and stamp inside the CommonJS bundle of main', () => {
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('finds placements and builds an appearance with the shipped font', async () => {
    dir = await mkdtemp(join(tmpdir(), 'vanthu-bundle-'));
    await mkdir(join(dir, 'dist', 'electron'), { recursive: true });
    await symlink(join(repo, 'assets'), join(dir, 'assets'));
    const entry = join(dir, 'entry.ts');
    await writeFile(
      entry,
      `import { readFileSync } from 'node:fs';
import { PDFDocument } from '@cantoo/pdf-lib';
import { findPlacements } from '${join(repo, 'main/services/pdf/layout/find-placements.ts')}';
import { createAppearance } from '${join(repo, 'main/services/pdf/stamp/appearance.ts')}';
async function main() {
  const bytes = new Uint8Array(readFileSync(process.argv[2] ?? ''));
  const proposal = await findPlacements(bytes);
  const doc = await PDFDocument.load(bytes);
  const ref = await createAppearance(doc, { role: 'copy', width: 200, height: 14, textLines: ['SAO Y; Sở Nội vụ'] });
  process.stdout.write(JSON.stringify({ personal: proposal.candidates.personal.length, ref: ref.toString() }));
}
void main();
`,
    );
    const outfile = join(dir, 'dist', 'electron', 'main.cjs');
    await build({
      entryPoints: [entry],
      outfile,
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node24',
      logLevel: 'silent',
      nodePaths: [join(repo, 'node_modules')],
    });
    const { stdout } = await run(process.execPath, [outfile, join(repo, 'tests/fixtures/pdf/lo-qd-kt-1.pdf')]);
    expect(JSON.parse(stdout)).toMatchObject({ personal: 1, ref: expect.stringMatching(/^\d+ 0 R$/) });
  });
});
