import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signPdf } from '../../../main/services/pdf/sign/sign.ts';
import { buildCli } from '../../../scripts/bundles.ts';
import { makeDocument } from '../../support/corpus/make-document.ts';
import { usePki } from '../../support/pki/use-pki.ts';
import { signerFor } from '../sign/flow-support.ts';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const SOURCE = join(repo, 'main/cli/bin.ts');
const pki = usePki();
const dir = mkdtempSync(join(tmpdir(), 'vanthu-cli-bundle-'));
// Inside the repository, where the bundle's external packages resolve, as dist/cli does.
mkdirSync(join(repo, 'dist'), { recursive: true });
const outdir = mkdtempSync(join(repo, 'dist', 'test-cli-'));
const BUNDLE = join(outdir, 'vanthu.mjs');
const signed = join(dir, 'signed.pdf');

/** The same command from the bundle and from the sources, each with a fresh profile. */
function both(args: string[]) {
  return [BUNDLE, SOURCE].map((bin, i) => {
    const run = spawnSync(process.execPath, [bin, ...args], {
      env: { ...process.env, VANTHU_PROFILE: join(dir, `profile-${i}-${args[0]}`), VANTHU_ORG: '000.00.12.H55' },
      encoding: 'utf8',
    });
    return { status: run.status, stdout: run.stdout, stderr: run.stderr };
  });
}

beforeAll(async () => {
  await buildCli(outdir);
  await signPdf((await makeDocument()).bytes, signed, { signer: await signerFor(pki, 'person'), role: 'personal' });
}, 120_000);

afterAll(() => rmSync(outdir, { recursive: true, force: true }));

/**
 * package.json "bin" is the bundle (scripts/bundles.ts): it must answer as the sources do,
 * including the commands that find helper scripts and assets/ beside it.
 */
describe('vanthu as shipped (dist/cli bundle)', () => {
  it('verifies as the sources do', () => {
    const [bundled, source] = both(['verify', signed, '--trust', pki.rootPem, '--offline', '--json']);
    expect(bundled).toEqual(source);
    expect(bundled?.status).toBe(2);
    expect(JSON.parse(bundled?.stdout ?? '')).toMatchObject({ verdict: 'indeterminate' });
  });

  it('prints its version and help as the sources do', () => {
    for (const args of [['--version'], ['--help'], ['verify', '--help']]) {
      const [bundled, source] = both(args);
      expect(bundled).toEqual(source);
      expect(bundled?.status).toBe(0);
    }
  });

  it('prepares and writes the number (fonts from assets/), proposes a layout (pdf.js), lists tokens (probe script)', () => {
    const input = join(dir, 'in.pdf');
    copyFileSync(join(repo, 'tests/fixtures/pdf/lo-qd-kt-1.pdf'), input);
    const prepared = join(dir, 'prepared.pdf');
    const commands = [
      ['prepare', '--in', input, '--out', prepared, '--auto'],
      [
        'write-number',
        '--in',
        prepared,
        '--out',
        join(dir, 'numbered.pdf'),
        '--so',
        '15/QĐ-UBND',
        '--date',
        '2026-11-22',
      ],
      // The old name still writes the number, with a notice on stderr.
      [
        'number',
        '--in',
        prepared,
        '--out',
        join(dir, 'numbered-old.pdf'),
        '--so',
        '15/QĐ-UBND',
        '--date',
        '2026-11-22',
      ],
      ['layout', input, '--json'],
      ['token', 'list', '--module', pki.softhsm.module, '--json'],
      ['incoming', 'list'],
    ];
    for (const args of commands) {
      const [bundled, source] = both(args);
      expect(bundled, args.join(' ')).toEqual(source);
      expect(bundled?.status, `${args.join(' ')}: ${bundled?.stderr}`).toBe(0);
    }
  });
});
