import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { signPdf } from '../../../main/services/pdf/sign/sign.ts';
import { makeDocument } from '../../support/corpus/make-document.ts';
import { usePki } from '../../support/pki/use-pki.ts';
import { signerFor } from '../sign/flow-support.ts';

const BIN = fileURLToPath(new URL('../../../main/cli/bin.ts', import.meta.url));
const RECORD = fileURLToPath(new URL('../../support/cli/record-loads.ts', import.meta.url));
const pki = usePki();
const dir = mkdtempSync(join(tmpdir(), 'vanthu-cli-start-'));
const signed = join(dir, 'signed.pdf');

/** Runs `vanthu …` from source in a child process; returns its output and every module it loaded. */
function vanthu(args: string[], profileDir: string, cacheHome = join(dir, 'cache')) {
  // real time: only a unique file name, no time is judged.
  const record = join(dir, `loads-${args[0]}-${Date.now()}.txt`);
  writeFileSync(record, '');
  const env: NodeJS.ProcessEnv = { ...process.env, VANTHU_PROFILE: profileDir, VANTHU_RECORD_LOADS: record };
  // The CLI picks its compile-cache folder unless Node was told one.
  delete env['NODE_COMPILE_CACHE'];
  delete env['NODE_DISABLE_COMPILE_CACHE'];
  env['XDG_CACHE_HOME'] = cacheHome;
  const run = spawnSync(process.execPath, ['--import', RECORD, BIN, ...args], { env, encoding: 'utf8' });
  const loaded = readFileSync(record, 'utf8').split('\n').filter(Boolean);
  return { status: run.status, stdout: run.stdout, stderr: run.stderr, loaded };
}

/**
 * Modules of the rest of the app: the local store (SQLite in a worker), sync, tokens, signing,
 * the PDF writer and pdf.js (the verifier reads PDFs with main/services/pdf/read); conf,
 * which verify does not need to read the settings; and the X.509 object library, which only a
 * CRL needs (certificates are read with the verifier's DER reader); and the contract's channel
 * map (every feature's schemas), of which verify needs only the errors and their texts.
 */
const APP = [
  '/main/app/compose.ts',
  '/node_modules/conf/',
  '/node_modules/@cantoo/pdf-lib/',
  '/node_modules/pdfjs-dist/',
  '/node_modules/@peculiar/x509/',
  '/node_modules/reflect-metadata/',
  '/preload/contract/channels.ts',
  '/main/services/store/',
  '/main/services/sync/',
  '/main/services/tokens/',
  '/main/services/signing/',
  '/native/',
  '/node_modules/better-sqlite3/',
  '/node_modules/axios/',
];

beforeAll(async () => {
  await signPdf((await makeDocument()).bytes, signed, {
    signer: await signerFor(pki, 'person'),
    role: 'personal',
  });
}, 120_000);

describe('vanthu start-up', () => {
  it('verify composes the verifier alone: same report and evidence, none of the app loaded', () => {
    const profileDir = join(dir, 'profile-verify');
    const run = vanthu(['verify', signed, '--trust', pki.rootPem, '--offline', '--json'], profileDir);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(2); // offline: revocation unknown, so indeterminate
    expect(JSON.parse(run.stdout)).toMatchObject({ verdict: 'indeterminate', signatures: [{ integrity: 'ok' }] });
    // The recorder saw the verifier, so an empty list below means "not loaded", not "not recorded".
    expect(run.loaded.some((url) => url.endsWith('/main/services/pdf/verify/verify-service.ts'))).toBe(true);
    expect(run.loaded.filter((url) => APP.some((part) => url.includes(part)))).toEqual([]);
    // Wired as the app wires it: the validation material is kept in the profile.
    expect(readdirSync(join(profileDir, 'files', 'verifications'))).toHaveLength(1);
  });

  it("keeps Node's compile cache in the user's cache folder, and runs the same where it cannot", () => {
    const cacheHome = join(dir, 'cache-home');
    const args = ['verify', signed, '--trust', pki.rootPem, '--offline', '--json'];
    const cached = vanthu(args, join(dir, 'profile-cached'), cacheHome);
    expect(readdirSync(join(cacheHome, 'vanthu', 'node-compile-cache')).length).toBeGreaterThan(0);
    // A file where the folder should be: not even root can create the cache there.
    const blocked = join(dir, 'not-a-folder');
    writeFileSync(blocked, '');
    const uncached = vanthu(args, join(dir, 'profile-uncached'), blocked);
    expect([uncached.status, uncached.stdout, uncached.stderr]).toEqual([cached.status, cached.stdout, cached.stderr]);
    expect(uncached.status).toBe(2);
  });

  it('--version loads no command and not the contract', () => {
    const run = vanthu(['--version'], join(dir, 'profile-version'));
    expect(run.status).toBe(0);
    expect(run.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    const commandOrContract = /\/main\/cli\/commands\/(?!index\.ts$)|\/preload\//;
    expect(run.loaded.filter((url) => commandOrContract.test(url))).toEqual([]);
  });
});
