import { afterEach, describe, expect, it } from 'vitest';
import { startBackground, type Background } from '../../../main/app/background.ts';
import type { Services } from '../../../main/ipc/services.ts';
import { SYNC_POLL_MS } from '../../../main/services/sync/sync-loop.ts';
import type { ReferenceServer } from '../../../server/app.ts';
import { appOnServer } from './app-on-server.ts';

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
    const app = await appOnServer('bg');
    server = app.server;
    services = app.services;
    const { call, registrations } = app;

    background = startBackground(services);
    // Start-up: the inbox arrives, nobody pressing anything, and each arrival is checked in the
    // background; nothing is registered before the clerk's tiếp nhận.
    const checked = async () =>
      ((await call('incoming.list', {})) as { ok: true; value: { arrivalCheck: unknown }[] }).value.filter(
        (d) => d.arrivalCheck !== null,
      ).length;
    await expect.poll(checked, { timeout: WITHIN, interval: 100 }).toBe(3);
    await expect.poll(async () => (await services!.sync.status()).pending, { timeout: WITHIN }).toBe(0);
    expect(registrations()).toBe(0);

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
    await expect.poll(() => registrations(), { timeout: WITHIN, interval: 100 }).toBe(1);

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
    expect(registrations()).toBe(1);
    expect((await services.sync.status()).pending).toBe(1);
  });
});
