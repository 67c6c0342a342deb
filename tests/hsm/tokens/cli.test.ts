import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TokenListSchema, PreflightResultSchema } from '../../../preload/contract/tokens.ts';
import { usePki } from '../../support/pki/use-pki.ts';

const pki = usePki();
const profile = mkdtempSync(join(tmpdir(), 'vanthu-cli-token-'));

function vanthu(args: readonly string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, ['main/cli/bin.ts', ...args], {
    encoding: 'utf8',
    env: { ...process.env, SOFTHSM2_CONF: pki.softhsm.conf, VANTHU_PROFILE: profile },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('vanthu token', () => {
  it('list --module … --json prints the tokens and certificates', () => {
    const run = vanthu(['token', 'list', '--module', pki.softhsm.module, '--json']);
    expect(run.status).toBe(0);
    const list = TokenListSchema.parse(JSON.parse(run.stdout));
    expect(list.tokens.map((t) => t.label).sort()).toEqual(['VanthuCoQuan', 'VanthuLanhDao']);
  });

  it('list prints Vietnamese names and the UID by name', () => {
    const run = vanthu(['token', 'list', '--module', pki.softhsm.module]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Token "VanthuCoQuan"');
    expect(run.stdout).toContain('ỦY BAN NHÂN DÂN TỈNH X (Mã số thuế: 0101234567) — cơ quan');
    expect(run.stdout).toContain('Nguyễn Văn A (Chứng minh nhân dân: 012345678) — cá nhân');
  });

  it('check exits 0 for a good certificate and 2 for an expired one', () => {
    const person = pki.certs['person']?.token;
    const expired = pki.certs['expired']?.token;
    const good = vanthu([
      'token',
      'check',
      '--module',
      pki.softhsm.module,
      '--token',
      person?.label ?? '',
      '--key-id',
      person?.keyIdHex ?? '',
      '--role',
      'personal',
      '--json',
    ]);
    expect(good.status).toBe(0);
    expect(PreflightResultSchema.parse(JSON.parse(good.stdout)).ok).toBe(true);

    const bad = vanthu([
      'token',
      'check',
      '--module',
      pki.softhsm.module,
      '--token',
      expired?.label ?? '',
      '--key-id',
      expired?.keyIdHex ?? '',
    ]);
    expect(bad.status).toBe(2);
    expect(bad.stdout).toContain('✘ Chứng thư số đã hết hạn.');
    expect(bad.stdout).toContain('Chưa thể ký.');
  });

  it('check without a key id is invalid input', () => {
    const run = vanthu(['token', 'check', '--module', pki.softhsm.module, '--token', 'VanthuCoQuan']);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('INVALID_INPUT');
  });
});
