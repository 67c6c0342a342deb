import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../store/helpers.ts';

const BIN = join(import.meta.dirname, '../../../main/cli/bin.ts');

function vanthu(profile: string, ...args: string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    env: { ...process.env, VANTHU_PROFILE: profile, VANTHU_ORG: '000.00.12.H55' },
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

describe('vanthu incoming / register / audit / backup / restore', () => {
  it(
    'registers offline from the command line, prints the register, backs up and restores',
    { timeout: 240_000 },
    () => {
      const dir = tempDir('vanthu-cli-');
      const profile = join(dir, 'profile');
      // real time: the vanthu child process numbers in the year of its own clock.
      const year = String(
        Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric' }).format(new Date())),
      );
      const pdf = join(dir, 'Công văn 88.pdf');
      writeFileSync(pdf, '%PDF-1.4\n% không phải PDF thật, chỉ để lưu theo mã băm\n');
      const meta = join(dir, 'meta.json');
      writeFileSync(
        meta,
        JSON.stringify({
          tenLoai: 'Công văn',
          so: '88',
          kyHieu: 'UBND-VX',
          ngayBanHanh: `${year}-01-05`,
          coQuanBanHanh: 'Ủy ban nhân dân tỉnh Thái Nguyên',
          trichYeu: 'Về việc đôn đốc triển khai chuyển đổi số',
          nguoiKy: 'Nguyễn Văn Đức',
          source: 'giay',
        }),
      );

      // A "scan" without any image is below the digitisation standard: refused until a reason is given.
      const scanRefused = vanthu(profile, 'incoming', 'add', '--file', pdf, '--json-meta', meta);
      expect(scanRefused.code).not.toBe(0);
      expect(scanRefused.err).toContain('Bản quét chưa đạt yêu cầu số hóa');
      // No lease yet: the document gets a provisional number.
      const first = vanthu(
        profile,
        'incoming',
        'add',
        '--file',
        pdf,
        '--json-meta',
        meta,
        '--scan-reason',
        'Bản gốc đã trả lại nơi gửi, chỉ còn bản quét này',
      );
      expect(first.code, first.err).toBe(0);
      expect(first.out).toContain('T-01');
      expect(vanthu(profile, 'register', 'lease', '--kind', 'den', '--year', year, '--from', '1').code).toBe(0);
      const second = vanthu(profile, 'incoming', 'add', '--json-meta', meta, '--json');
      const parsed = JSON.parse(second.out) as { value: { document: { soDen: number }; duplicates: unknown[] } };
      expect(parsed.value.document.soDen).toBe(1);
      expect(parsed.value.duplicates).toHaveLength(1);

      const list = vanthu(profile, 'incoming', 'list', '--search', 'don doc chuyen doi so');
      expect(list.out).toContain('88/UBND-VX');
      expect(list.out.trim().split('\n')).toHaveLength(2);
      expect(vanthu(profile, 'incoming', 'list', '--search', 'khong ton tai').out).toContain('Không có văn bản đến');

      const out = join(dir, 'so-den.pdf');
      const printed = vanthu(profile, 'register', 'print', '--kind', 'den', '--year', year, '--out', out);
      expect(printed.code, printed.err).toBe(0);
      // Reading order (no -layout): a wrapped cell's lines follow each other.
      const text = execFileSync('pdftotext', [out, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
      expect(text).toContain('SỔ ĐĂNG KÝ VĂN BẢN ĐẾN');
      expect(text).toContain(`Năm: ${year}`);
      for (const column of ['Ngày đến', 'Số đến', 'Tác giả', 'Đơn vị hoặc người nhận', 'Ký nhận', 'Ghi chú']) {
        expect(text).toContain(column);
      }
      expect(text).toContain('T-01');
      expect(text).toContain('Ủy ban nhân dân tỉnh Thái Nguyên');
      const info = execFileSync('pdfinfo', [out], { encoding: 'utf8' });
      expect(info).toMatch(/Page size:\s+841\.89 x 595\.28/);
      expect(execFileSync('pdffonts', [out], { encoding: 'utf8' })).toMatch(/LiberationSerif.*yes/);

      expect(vanthu(profile, 'audit', 'verify').code).toBe(0);

      const backup = join(dir, 'backup.vanthu');
      expect(vanthu(profile, 'backup', '--out', backup).code).toBe(0);
      // The time of the backup is kept for the reminder (backup.status).
      const settings = JSON.parse(readFileSync(join(profile, 'settings.json'), 'utf8')) as {
        preferences: { lastBackupAt: string };
      };
      // real time: the vanthu child process stamps the backup with its own clock.
      expect(Date.now() - Date.parse(settings.preferences.lastBackupAt)).toBeLessThan(24 * 60 * 60 * 1000);
      rmSync(profile, { recursive: true });
      const restored = vanthu(profile, 'restore', backup);
      expect(restored.code, restored.err).toBe(0);
      expect(restored.out).toContain('2 văn bản đến, 1 tệp');
      expect(vanthu(profile, 'incoming', 'list').out.trim().split('\n')).toHaveLength(2);
      expect(existsSync(join(profile, 'files'))).toBe(true);

      // Tampering behind the app's back is caught by `audit verify` and refused by restore.
      const db = new Database(join(profile, 'vanthu.sqlite'));
      db.exec(`DROP TRIGGER audit_no_update`);
      db.prepare(`UPDATE audit_log SET details = '{}' WHERE seq = 1`).run();
      db.close();
      const verdict = vanthu(profile, 'audit', 'verify');
      expect(verdict.code, verdict.err).toBe(2);
      expect(verdict.out).toContain('NHẬT KÝ ĐÃ BỊ SỬA');
      const tamperedBackup = join(dir, 'tampered.vanthu');
      expect(vanthu(profile, 'backup', '--out', tamperedBackup).code).toBe(0);
      const refused = vanthu(profile, 'restore', tamperedBackup);
      expect(refused.code).toBe(1);
      expect(refused.err).toContain('AUDIT_BROKEN');
    },
  );
});
