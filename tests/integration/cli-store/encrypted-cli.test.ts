import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { profilePaths } from '../../../main/services/disk/profile-paths.ts';
import { tempDir } from '../store/helpers.ts';
import { filesContaining, profileFiles } from '../store/vault-helpers.ts';

const BIN = join(import.meta.dirname, '../../../main/cli/bin.ts');
const TRICH_YEU = 'Về việc kiểm kê tài liệu mật của Sở Tài chính';

function vanthu(profile: string, args: string[], extra: { env?: NodeJS.ProcessEnv; input?: string } = {}) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    input: extra.input ?? '',
    env: { ...process.env, VANTHU_PROFILE: profile, VANTHU_ORG: '000.00.12.H55', ...extra.env },
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

function fingerprint(root: string): string {
  const hash = createHash('sha256');
  for (const path of profileFiles(profilePaths(root)).sort()) {
    hash.update(path).update(readFileSync(path));
  }
  return hash.digest('hex');
}

describe('vanthu encrypt / unlock / backup / restore', () => {
  it('encrypts a plain profile, backs up under the recovery key, restores only with it', { timeout: 240_000 }, () => {
    const dir = tempDir('vanthu-cli-vault-');
    const profile = join(dir, 'profile');
    const pdf = join(dir, 'Công văn 12.pdf');
    writeFileSync(pdf, '%PDF-1.4\n% tệp thử, lưu theo mã băm\n');
    const meta = join(dir, 'meta.json');
    writeFileSync(
      meta,
      JSON.stringify({
        tenLoai: 'Công văn',
        so: '12',
        kyHieu: 'STC-VP',
        // fixed-date: only the document's own date, not compared with today.
        ngayBanHanh: '2026-01-05',
        coQuanBanHanh: 'Sở Tài chính',
        trichYeu: TRICH_YEU,
        source: 'giay',
      }),
    );
    expect(
      vanthu(profile, ['incoming', 'add', '--file', pdf, '--json-meta', meta, '--scan-reason', 'Tệp thử nghiệm']).code,
    ).toBe(0);
    expect(filesContaining(profilePaths(profile), TRICH_YEU).length).toBeGreaterThan(0);

    const encrypted = vanthu(profile, ['encrypt']);
    expect(encrypted.code, encrypted.err).toBe(0);
    expect(encrypted.err).toContain('Đang mã hóa tệp đã lưu: 1/1');
    const recoveryKey = /KHÓA KHÔI PHỤC[^\n]*\n\n\s+(\S+)\n\s+(\S+)\n/.exec(encrypted.out);
    expect(recoveryKey).not.toBeNull();
    const recovery = `${recoveryKey?.[1]}-${recoveryKey?.[2]}`;
    expect(filesContaining(profilePaths(profile), TRICH_YEU)).toEqual([]);
    expect(filesContaining(profilePaths(profile), '%PDF')).toEqual([]);
    // The CLI finds the key in the key file beside the profile.
    expect(vanthu(profile, ['incoming', 'list', '--search', 'kiem ke tai lieu mat']).out).toContain('12/STC-VP');

    const backup = join(dir, 'sao-luu.vanthu');
    const made = vanthu(profile, ['backup', '--out', backup]);
    expect(made.code, made.err).toBe(0);
    expect(made.out).toContain('đã được mã hóa bằng khóa khôi phục');
    const bytes = readFileSync(backup);
    expect(bytes.includes(Buffer.from(TRICH_YEU))).toBe(false);
    expect(bytes.includes(Buffer.from('%PDF'))).toBe(false);

    // Restoring needs the recovery key; a wrong one is refused in Vietnamese and changes nothing.
    const before = fingerprint(profile);
    const noKey = vanthu(profile, ['restore', backup]);
    expect(noKey.code).toBe(1);
    expect(noKey.err).toContain('PROFILE_LOCKED');
    expect(noKey.err).toContain('cần khóa khôi phục');
    const wrong = vanthu(profile, ['restore', backup], {
      env: { VANTHU_RECOVERY_KEY: 'AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH' },
    });
    expect(wrong.code).toBe(1);
    expect(wrong.err).toContain('Lỗi [PROFILE_KEY_WRONG]: Khóa không đúng');
    expect(fingerprint(profile)).toBe(before);

    // A new PC: an empty profile, the backup and the recovery key (typed on stdin).
    const fresh = join(dir, 'may-moi', 'profile');
    mkdirSync(fresh, { recursive: true });
    const restored = vanthu(fresh, ['restore', backup, '--recovery-key-stdin'], { input: `${recovery}\n` });
    expect(restored.code, restored.err).toBe(0);
    expect(restored.out).toContain('Hồ sơ đã khôi phục được mã hóa');
    expect(vanthu(fresh, ['incoming', 'list', '--search', 'kiem ke tai lieu mat']).out).toContain('12/STC-VP');
    expect(filesContaining(profilePaths(fresh), TRICH_YEU)).toEqual([]);
    expect(filesContaining(profilePaths(fresh), '%PDF')).toEqual([]);

    // The key file lost: locked, until `vanthu unlock` with the recovery key.
    rmSync(`${profile}.key`);
    const locked = vanthu(profile, ['incoming', 'list']);
    expect(locked.code).toBe(1);
    expect(locked.err).toContain('PROFILE_LOCKED');
    const unlocked = vanthu(profile, ['unlock', '--recovery-key-stdin'], { input: `${recovery.toLowerCase()}\n` });
    expect(unlocked.code, unlocked.err).toBe(0);
    expect(vanthu(profile, ['incoming', 'list']).out).toContain('12/STC-VP');
  });
});
