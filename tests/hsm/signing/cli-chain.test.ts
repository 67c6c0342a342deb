import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CliIo } from '../../../main/cli/commands/command.ts';
import { commands } from '../../../main/cli/commands/index.ts';
import { runCli } from '../../../main/cli/run.ts';
import { makeDocument } from '../../support/corpus/make-document.ts';
import { usePki } from '../../support/pki/use-pki.ts';
import { extractSignatures, opensslVerifyAll, pdfsig } from '../../support/validators.ts';

const pki = usePki();

async function sign(
  extra: readonly string[],
  input: string,
  out: string,
): Promise<{ code: number; err: string; stdout: string }> {
  const token = pki.certs.person?.token;
  const pin = pki.softhsm.tokens.find((t) => t.label === token?.label)?.pin ?? '';
  let err = '';
  let stdout = '';
  const io: CliIo = {
    out: (t) => (stdout += t),
    err: (t) => (err += t),
    readStdin: () => Promise.resolve(''),
    env: { VANTHU_PIN: pin },
  };
  const args = ['sign', '--in', input, '--out', out, '--module', pki.softhsm.module, '--token', token?.label ?? ''];
  const code = await runCli(
    [...args, '--key-id', token?.keyIdHex ?? '', '--role', 'personal', '--auto', ...extra],
    io,
    commands,
    () => {
      throw new Error('signing commands need no profile services');
    },
  );
  return { code, err, stdout };
}

describe('vanthu sign builds the CA chain itself', () => {
  it('from --trust files or folders: openssl reaches the root without --chain', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vanthu-cli-chain-'));
    const trust = join(dir, 'kho tin cậy');
    mkdirSync(trust);
    copyFileSync(pki.subPem, join(trust, 'sub.pem'));
    copyFileSync(pki.rootPem, join(trust, 'root.pem'));
    writeFileSync(join(dir, 'in.pdf'), (await makeDocument()).bytes);

    const withTrust = await sign(['--trust', trust], join(dir, 'in.pdf'), join(dir, 'trust.pdf'));
    expect(withTrust.code, withTrust.err).toBe(0);
    expect(opensslVerifyAll(join(dir, 'trust.pdf'), pki.rootPem).map((r) => r.ok)).toEqual([true]);

    // Without any source of CA certificates the token's leaf alone cannot reach the root.
    const bare = await sign([], join(dir, 'in.pdf'), join(dir, 'bare.pdf'));
    expect(bare.code, bare.err).toBe(0);
    expect(opensslVerifyAll(join(dir, 'bare.pdf'), pki.rootPem).map((r) => r.ok)).toEqual([false]);
    const sizes = [join(dir, 'trust.pdf'), join(dir, 'bare.pdf')].map(
      (p) => extractSignatures(new Uint8Array(readFileSync(p)))[0]?.cms.length ?? 0,
    );
    expect(sizes[0]).toBeGreaterThan(sizes[1] ?? 0);
  });

  it('a --trust path that does not exist fails before the token is asked anything', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vanthu-cli-chain-'));
    writeFileSync(join(dir, 'in.pdf'), (await makeDocument()).bytes);
    const run = await sign(['--trust', join(dir, 'không có')], join(dir, 'in.pdf'), join(dir, 'out.pdf'));
    expect(run.code).not.toBe(0);
    expect(run.err).toContain('FILE_NOT_FOUND');
  });

  it('--long-term appends a DSS (chain, OCSP/CRL where the certificates name them) after the signature', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vanthu-cli-lt-'));
    writeFileSync(join(dir, 'in.pdf'), (await makeDocument()).bytes);
    const out = join(dir, 'lt.pdf');
    const run = await sign(
      ['--trust', pki.subPem, '--trust', pki.rootPem, '--long-term', '--json'],
      join(dir, 'in.pdf'),
      out,
    );
    expect(run.code, run.err).toBe(0);
    const value = (
      JSON.parse(run.stdout) as { value: { longTerm: { ocsps: number; crls: number; unknown: string[] } } }
    ).value;
    // The test PKI names no responder: the chain goes in, both links are reported as unknown.
    expect(value.longTerm).toMatchObject({ ocsps: 0, crls: 0 });
    expect(value.longTerm.unknown).toHaveLength(2);
    expect(Buffer.from(readFileSync(out)).toString('latin1')).toContain('/DSS');
    expect(pdfsig(out, pki.nssDir).map((s) => [s.validation, s.certificate])).toEqual([
      ['Signature is Valid.', 'Certificate is Trusted.'],
    ]);
  });
});
