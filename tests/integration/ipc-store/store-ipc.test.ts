import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openApp } from '../../support/app.ts';

describe('store over IPC (same handler table as both shells)', () => {
  it('registers, searches, prints, verifies and backs up through the contract channels', async () => {
    const app = openApp({ prefix: 'vanthu-ipc-', organization: null });
    const { services, call, dir } = app;
    try {
      const input = {
        tenLoai: 'Công văn',
        so: '12',
        kyHieu: 'STTTT-BCVT',
        ngayBanHanh: '2026-03-02',
        coQuanBanHanh: 'Sở Thông tin và Truyền thông',
        trichYeu: 'Về việc đảm bảo an toàn thông tin',
      };
      // Before the organization is configured the store explains what is missing.
      const unconfigured = await call('incoming.add', { input });
      expect(unconfigured).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });

      services.settings.update({ organization: { maDinhDanh: '000.00.12.H55', name: 'Sở Tư pháp tỉnh Thái Nguyên' } });
      const added = await call('incoming.add', { input });
      expect(added).toMatchObject({ ok: true, value: { document: { soDenHienThi: 'T-01', state: 'da-den' } } });
      expect(await call('incoming.add', { input: { ...input, so: '' } })).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT' },
      });

      const found = await call('incoming.list', { search: 'dam bao an toan' });
      expect(found.ok && (found.value as unknown[]).length).toBe(1);
      const registers = await call('registers.list', {});
      expect(registers).toMatchObject({ ok: true, value: [{ kind: 'den', leases: [], remaining: 0 }] });

      const year = (registers.ok ? (registers.value as { year: number }[])[0]?.year : 0) ?? 0;
      const out = join(dir, 'so-den.pdf');
      const printed = await call('registers.print', { kind: 'den', year });
      expect(printed).toMatchObject({ ok: true, value: { rows: 1, savedAs: null } });
      // The browser shell has no save dialog: the page downloads the bytes main returns.
      writeFileSync(out, Buffer.from(printed.ok ? ((printed.value as { base64: string }).base64 ?? '') : '', 'base64'));
      expect(execFileSync('pdftotext', [out, '-'], { encoding: 'utf8' })).toContain('SỞ TƯ PHÁP TỈNH THÁI NGUYÊN');
      // A typed destination is no longer accepted: main decides where the file goes.
      expect(await app.raw('registers.print', { kind: 'den', year, outPath: out })).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT' },
      });

      expect(await call('audit.verify', {})).toMatchObject({ ok: true, value: { ok: true, entries: 1 } });
      expect(await call('backup.status', {})).toMatchObject({
        ok: true,
        value: { lastBackupAt: null, reminder: true, backupOverdue: true },
      });
      expect(await call('backup.create', {})).toMatchObject({ ok: true });
      expect(await call('backup.status', {})).toMatchObject({
        ok: true,
        value: { reminder: false, backupOverdue: false },
      });
      expect(await call('incoming.get', { id: 'khong-co' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    } finally {
      await services.store.close();
    }
  });
});
