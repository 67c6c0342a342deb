import { describe, expect, it } from 'vitest';
import { openApp } from '../../support/app.ts';

describe('organizations and profile over IPC', () => {
  it('lists and searches the directory, and reads and changes the local profile', async () => {
    const app = openApp({ prefix: 'vanthu-ipc-org-', organization: null });
    const { services, call } = app;
    try {
      services.settings.update({ organization: { maDinhDanh: '000.00.12.H55', name: 'Sở Tư pháp' } });
      // What sync's DirectorySink does through the store worker.
      await services.store.call(
        'directory.apply',
        [
          { maDinhDanh: '000.00.00.H55', ten: 'Ủy ban nhân dân tỉnh Thái Nguyên' },
          { maDinhDanh: '000.00.01.H55', ten: 'Sở Nội vụ tỉnh Thái Nguyên' },
        ],
        '2',
      );
      expect(await call('organizations.list', {})).toMatchObject({ ok: true, value: { total: 3 } });
      expect(await call('organizations.search', { text: 'uy ban thai nguyen' })).toMatchObject({
        ok: true,
        value: [{ maDinhDanh: '000.00.00.H55', form: 'qcvn102', nguon: 'directory' }],
      });

      expect(await call('profile.get', {})).toMatchObject({ ok: true, value: { role: 'van-thu', updatedAt: null } });
      expect(await app.raw('profile.update', { role: 'quan-tri' })).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT' },
      });
      expect(await call('profile.update', { hoTen: 'Lê Văn Đông', role: 'lanh-dao' })).toMatchObject({
        ok: true,
        value: { hoTen: 'Lê Văn Đông', role: 'lanh-dao', maDinhDanh: '000.00.12.H55' },
      });
      expect(await call('profile.get', {})).toMatchObject({ ok: true, value: { role: 'lanh-dao' } });
    } finally {
      await services.store.close();
    }
  });
});
