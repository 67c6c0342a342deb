import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeServices } from '../../../main/app/compose.ts';
import { openApp } from '../../support/app.ts';
import { commands } from '../../../main/cli/commands/index.ts';
import { runCli } from '../../../main/cli/run.ts';
import { signPdf } from '../../../main/services/pdf/sign/sign.ts';
import { softwareSignerFromFiles } from '../../../main/services/pdf/software-signer.ts';
import type { Logger } from '../../../main/services/log/logger.ts';
import { makeDocument } from '../../support/corpus/make-document.ts';
import { issueWithRevocation } from '../../support/ocsp/issue.ts';
import { freePort, startOcspResponder } from '../../support/ocsp/servers.ts';
import { usePki } from '../../support/pki/use-pki.ts';
import { buildVerifyCorpus, type Corpus } from '../../support/verify/corpus.ts';

const pki = usePki();
const dir = mkdtempSync(join(tmpdir(), 'vanthu-verify-cli-'));
const profileDir = join(dir, 'profile');
const silent: Logger = { debug() {}, info() {}, warn() {}, error() {} };
let corpus: Corpus;
let validFile: string;
let stopOcsp: () => void = () => {};

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(
    args,
    { out: (t) => void (out += t), err: (t) => void (err += t), readStdin: async () => '', env: {} },
    commands,
    () => composeServices({ profileDir, shell: 'cli', log: silent }),
  );
  return { code, out, err };
}

beforeAll(async () => {
  corpus = await buildVerifyCorpus(pki, join(dir, 'corpus'));
  const port = await freePort();
  const cert = await issueWithRevocation(pki, dir, 'cli-good', '7101', { ocsp: `http://127.0.0.1:${port}` });
  validFile = join(dir, 'valid.pdf');
  await signPdf((await makeDocument()).bytes, validFile, {
    signer: await softwareSignerFromFiles(cert.keyPem, cert.certPem, pki.chainPem),
    role: 'personal',
  });
  stopOcsp = (await startOcspResponder(pki, dir, port, [{ serialHex: '7101', revoked: false }])).stop;
}, 120_000);

afterAll(() => stopOcsp());

describe('vanthu verify', () => {
  it('exits 0 for a valid document, with the JSON fields the issue lists', async () => {
    const { code, out } = await cli(['verify', validFile, '--trust', pki.rootPem, '--json']);
    expect(code).toBe(0);
    const json = JSON.parse(out) as { verdict: string; signatures: Array<Record<string, unknown>> };
    expect(json.verdict).toBe('valid');
    const [sig] = json.signatures;
    expect(Object.keys(sig ?? {})).toEqual([
      'field',
      'signer',
      'signingTime',
      'timestampTime',
      'integrity',
      'coverage',
      'changesAfter',
      'trust',
      'revocation',
      'verdict',
      'problems',
    ]);
    expect(sig).toMatchObject({
      signer: { commonName: 'Kiểm Thử Thu Hồi cli-good' },
      integrity: 'ok',
      coverage: 'whole',
      changesAfter: 'none',
      trust: 'trusted',
      revocation: { status: 'good' },
      verdict: 'valid',
    });
    expect(Object.keys((sig?.['revocation'] ?? {}) as object)).toEqual(['status', 'checkedAt']);
  });

  it('exits 1 for a document changed after signing, and says why in Vietnamese', async () => {
    const { code, out } = await cli(['verify', corpus['vanthu-1+text'], '--trust', pki.rootPem]);
    expect(code).toBe(1);
    expect(out).toContain('Kết luận: KHÔNG HỢP LỆ');
    expect(out).toContain('Văn bản bị sửa sau khi ký theo cách không được phép.');
  });

  it('exits 2 when it cannot be decided (no revocation information, offline)', async () => {
    const { code, out } = await cli(['verify', corpus['pdfsig-1'], '--trust', pki.rootPem, '--offline', '--json']);
    expect(code).toBe(2);
    expect(JSON.parse(out).signatures[0].revocation).toEqual({ status: 'unknown', checkedAt: null });
  });

  it('exits 3 for a file that is not a PDF or cannot be read', async () => {
    const notPdf = join(dir, 'not.pdf');
    writeFileSync(notPdf, 'đây không phải PDF');
    expect((await cli(['verify', notPdf])).code).toBe(3);
    const missing = await cli(['verify', join(dir, 'missing.pdf'), '--json']);
    expect(missing.code).toBe(3);
    expect(JSON.parse(missing.out).error.code).toBe('FILE_NOT_FOUND');
  });

  it('a --trust path that does not exist is a usage error, not a verdict', async () => {
    const { code, err } = await cli(['verify', corpus['vanthu-1'], '--trust', join(dir, 'no-such-root.pem')]);
    expect(code).toBe(64);
    expect(err).toContain('Không tìm thấy chứng thư gốc tin cậy');
  });

  it('keeps the validation material with each verified document in the profile', async () => {
    await cli(['verify', validFile, '--trust', pki.rootPem]);
    // One folder per document, named by its SHA-256.
    const folder = join(
      profileDir,
      'files',
      'verifications',
      createHash('sha256').update(readFileSync(validFile)).digest('hex'),
    );
    const kept = readdirSync(folder).map(
      (f) => JSON.parse(readFileSync(join(folder, f), 'utf8')) as Record<string, unknown>,
    );
    const withOcsp = kept.find((k) => JSON.stringify(k).includes('"kind":"ocsp"'));
    expect(withOcsp).toBeDefined();
    expect(withOcsp?.['verdict']).toBe('valid');
    expect(JSON.stringify(withOcsp?.['signatures'])).toContain('BEGIN CERTIFICATE');
  });

  it('documents.verify answers a command-line caller over the IPC table with the same report, and no shell', async () => {
    const app = openApp({ profileDir, shell: 'cli', log: silent, caller: 'cli', organization: null });
    const request = { path: corpus['vanthu-2'] ?? '', trustPaths: [pki.rootPem], offline: true };
    const report = await app.value('documents.verify', request);
    expect(report.signatures.map((s) => [s.field, s.changesAfter])).toEqual([
      ['ChuKy_NguoiKy', 'permitted'],
      ['ChuKy_CoQuan', 'none'],
    ]);
    const bad = await app.call('documents.verify', { path: '' });
    expect(bad.ok).toBe(false);
    // A renderer names no path on disk (#15): from either shell the channel is refused before it reads anything.
    for (const shell of ['browser', 'electron'] as const) {
      const refused = await app.raw('documents.verify', request, shell);
      expect(refused).toMatchObject({
        ok: false,
        error: { code: 'IPC_FORBIDDEN', details: { channel: 'documents.verify' } },
      });
    }
  });
});
