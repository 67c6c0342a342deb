import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startBackground, type Background } from '../../../main/app/background.ts';
import { composeServices } from '../../../main/app/compose.ts';
import type { Services } from '../../../main/ipc/services.ts';
import { dispatch } from '../../../main/ipc/dispatch.ts';
import { createHandlerTable } from '../../../main/ipc/handlers.ts';
import { silentLogger } from '../../../main/services/log/logger.ts';
import { SYNC_POLL_MS } from '../../../main/services/sync/sync-service.ts';
import type { ReferenceServer } from '../../../server/app.ts';
import { startServer, tempDir } from './support.ts';

const SNV = '000.00.01.H99';
/** Well inside the loop's idle poll: what arrives by then was sent because something woke sync. */
const WITHIN = SYNC_POLL_MS / 4;

describe('sync runs by itself (#16)', () => {
  let server: ReferenceServer | undefined;
  let services: Services | undefined;
  let background: Background | undefined;
  afterEach(async () => {
    await background?.stop();
    await services?.store.close();
    await server?.close();
  });

  it('pulls at start-up, sends queued work at once without "Đồng bộ ngay", and stops on quit', async () => {
    const started = await startServer();
    server = started.server;
    services = composeServices({
      profileDir: join(tempDir('bg'), 'profile'),
      shell: 'browser',
      log: silentLogger,
      syncCredentials: () => ({ username: 'vanthu.snv', password: 'demo' }),
    });
    services.settings.update({
      organization: { maDinhDanh: SNV, name: 'Sở Nội vụ tỉnh Demo' },
      server: { url: started.url },
    });
    const table = createHandlerTable(services);
    const call = (channel: string, payload: unknown) =>
      dispatch(table, channel, payload, { shell: 'browser' }, silentLogger);
    const registrations = () =>
      started.server.db.prepare('select count(*) as n from registrations where org = ?').get(SNV) as { n: number };

    background = startBackground(services);
    // Start-up: the inbox arrives, nobody pressing anything, and each arrival is checked in the
    // background; nothing is registered before the clerk's tiếp nhận.
    const checked = async () =>
      ((await call('incoming.list', {})) as { ok: true; value: { arrivalCheck: unknown }[] }).value.filter(
        (d) => d.arrivalCheck !== null,
      ).length;
    await expect.poll(checked, { timeout: WITHIN, interval: 100 }).toBe(3);
    await expect.poll(async () => (await services!.sync.status()).pending, { timeout: WITHIN }).toBe(0);
    expect(registrations().n).toBe(0);

    // The loop now waits out its poll; a paper document registered here leaves at once.
    const added = await call('incoming.add', {
      input: {
        tenLoai: 'Công văn',
        so: '12',
        kyHieu: 'UBND-VP',
        ngayBanHanh: '2026-03-02',
        coQuanBanHanh: 'Ủy ban nhân dân huyện Demo',
        trichYeu: 'Về việc báo cáo công tác văn thư',
        source: 'giay',
      },
    });
    expect(added).toMatchObject({ ok: true });
    await expect.poll(() => registrations().n, { timeout: WITHIN, interval: 100 }).toBe(1);

    // Quit: the loop ends; work queued afterwards waits for the next start.
    await background.stop();
    background = undefined;
    await call('incoming.add', {
      input: {
        tenLoai: 'Công văn',
        so: '13',
        kyHieu: 'UBND-VP',
        ngayBanHanh: '2026-03-02',
        coQuanBanHanh: 'Ủy ban nhân dân huyện Demo',
        trichYeu: 'Về việc tổng kết năm',
        source: 'giay',
      },
    });
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(registrations().n).toBe(1);
    expect((await services.sync.status()).pending).toBe(1);
  });
});
