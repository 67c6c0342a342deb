import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { composeServices } from '../../../main/app/compose.ts';
import { dispatch } from '../../../main/ipc/dispatch.ts';
import { createHandlerTable } from '../../../main/ipc/handlers.ts';
import { silentLogger } from '../../../main/services/log/logger.ts';
import { tempDir } from '../store/helpers.ts';

describe('organizations and profile over IPC', () => {
  it('lists and searches the directory, and reads and changes the local profile', async () => {
    const dir = tempDir('vanthu-ipc-org-');
    const services = composeServices({ profileDir: join(dir, 'profile'), shell: 'browser', log: silentLogger });
    const table = createHandlerTable(services);
    const call = (channel: string, payload: unknown) =>
      dispatch(table, channel, payload, { shell: 'browser' }, silentLogger);
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
      expect(await call('profile.update', { role: 'quan-tri' })).toMatchObject({
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
