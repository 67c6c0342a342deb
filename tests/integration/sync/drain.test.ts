import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import type { IncomingMessage } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { startBackground, type Background } from '../../../main/app/background.ts';
import type { Services } from '../../../main/ipc/services.ts';
import type { ReferenceServer } from '../../../server/app.ts';
import { appOnServer } from './app-on-server.ts';

describe('queued work is drained, not sent with a whole round (#16)', () => {
  let server: ReferenceServer | undefined;
  let services: Services | undefined;
  let background: Background | undefined;
  const seen: string[] = [];
  const record = (message: unknown) => {
    const { request } = message as { request: IncomingMessage };
    seen.push(`${request.method} ${(request.url ?? '').split('?')[0]}`);
  };
  afterEach(async () => {
    unsubscribe('http.server.request.start', record);
    await background?.stop();
    await services?.store.close();
    await server?.close();
  });

  it('a registration queued while the loop waits leaves with its own requests only: no directory, inbox, registers or receipts', async () => {
    const app = await appOnServer('drain');
    server = app.server;
    services = app.services;
    const { call, registrations } = app;

    background = startBackground(services);
    // Start-up's full round: the inbox, the directory, the registers — then the loop waits out its poll.
    await expect.poll(async () => (await services!.sync.status()).lastSuccessAt, { timeout: 10_000 }).not.toBeNull();
    await expect.poll(async () => (await services!.sync.status()).running, { timeout: 10_000 }).toBe(false);
    await services.arrivals.idle();

    subscribe('http.server.request.start', record);
    const added = await call('incoming.add', {
      input: {
        tenLoai: 'Công văn',
        so: '12',
        kyHieu: 'UBND-VP',
        ngayBanHanh: '2026-03-02', // fixed-date: a paper document's own date, not a time the test depends on
        coQuanBanHanh: 'Ủy ban nhân dân huyện Demo',
        trichYeu: 'Về việc báo cáo công tác văn thư',
        source: 'giay',
      },
    });
    expect(added).toMatchObject({ ok: true });
    await expect.poll(registrations, { timeout: 10_000, interval: 50 }).toBe(1);
    await expect.poll(async () => (await services!.sync.status()).pending, { timeout: 10_000 }).toBe(0);

    expect(seen.some((request) => /^POST \/v1\/documents\/.+\/registration$/.test(request))).toBe(true);
    const pulls = seen.filter((request) =>
      /^GET \/v1\/(organizations|inbox|registers\/feed|calendar|outgoing\/.+\/recipients)$/.test(request),
    );
    expect(pulls).toEqual([]);
  });
});
