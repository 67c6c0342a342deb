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

describe('vanthu token: flags, roles and doctor', () => {
  it('list shows how the role was decided and the SHA-256 to override it with; role remembers the choice', () => {
    const before = vanthu(['token', 'list', '--module', pki.softhsm.module]);
    expect(before.stdout).toContain('Nguyễn Văn A (Chứng minh nhân dân: 012345678) — cá nhân (đoán)');
    const list = TokenListSchema.parse(
      JSON.parse(vanthu(['token', 'list', '--module', pki.softhsm.module, '--json']).stdout),
    );
    const own = list.tokens.flatMap((t) => t.certificates).find((c) => c.commonName === 'Nguyễn Văn A');
    expect(before.stdout).toContain(`SHA-256: ${own?.sha256Hex ?? '?'}`);

    const set = vanthu(['token', 'role', '--cert', own?.sha256Hex ?? '', '--role', 'organization']);
    expect(set.status).toBe(0);
    const after = vanthu(['token', 'list', '--module', pki.softhsm.module]);
    expect(after.stdout).toContain('Nguyễn Văn A (Chứng minh nhân dân: 012345678) — cơ quan (đã chọn)');

    expect(vanthu(['token', 'role', '--cert', own?.sha256Hex ?? '', '--role', 'auto']).status).toBe(0);
    expect(vanthu(['token', 'list', '--module', pki.softhsm.module]).stdout).toContain('— cá nhân (đoán)');
    expect(vanthu(['token', 'role', '--cert', 'abc', '--role', 'organization']).status).toBe(1);
  });

  it('doctor lists the PKCS#11 modules of the driver catalog found on this machine', () => {
    const run = vanthu(['doctor', '--json']);
    const checks = (JSON.parse(run.stdout) as { checks: Array<{ name: string; ok: boolean; detail: string }> }).checks;
    expect(checks).toContainEqual({ name: 'pkcs11:SoftHSM2', ok: true, detail: pki.softhsm.module });
  });
});
