import { createHash, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { startBackground, type Background } from '../../../main/app/background.ts';
import { SYNC_POLL_MS } from '../../../main/services/sync/sync-loop.ts';
import { uploadFile } from '../../../main/services/sync/transfer.ts';
import type { ReferenceServer } from '../../../server/app.ts';
import { DEMO_PASSWORD } from '../../../server/seed.ts';
import { openApp, type TestApp } from '../../support/app.ts';
import { startServer, tempDir } from '../sync/support.ts';
import { SNV, UBND } from './support.ts';

/** "Within a few seconds": far inside the sync loop's idle poll, which is all that brought the trục's arrivals before. */
const WITHIN = 10_000;

interface App extends TestApp {
  readonly background: Background;
}

describe('a trục arrival wakes the signed-in văn thư of the recipient organization (#16)', () => {
  let server: ReferenceServer | undefined;
  const apps: App[] = [];
  afterEach(async () => {
    for (const app of apps.splice(0)) {
      await app.background.stop();
      await app.close();
    }
    await server?.close();
  });

  function open(url: string, org: { maDinhDanh: string; name: string }): App {
    const opened = openApp({ profileDir: join(tempDir('truc-wake'), 'profile'), organization: org });
    opened.services.settings.update({ server: { url } });
    const app: App = { ...opened, background: startBackground(opened.services) };
    apps.push(app);
    return app;
  }

  /**
   * Sở Nội vụ publishes through its workstation's own session, with the requests its outgoing.publish
   * job makes (upload, then the publication). The issuing chain before it needs tokens: the hsm tier's
   * office-signing.test.ts runs it whole.
   */
  async function publish(app: App, trichYeu: string, soKyHieu: string): Promise<void> {
    const api = app.services.sync.client();
    const bytes = Buffer.from(`%PDF-1.7\n% ${trichYeu}\n%%EOF\n`);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    await uploadFile(api, { sha256, size: bytes.length, read: (at, n) => bytes.subarray(at, at + n) }, () => {});
    await api.mutate('/v1/outgoing', randomUUID(), {
      id: randomUUID(),
      // fixed-date: the ngày ban hành printed on the document, never compared with today
      maDinhDanhVanBan: `${SNV},2026/03/02,${soKyHieu}`,
      recipients: [UBND],
      files: [{ sha256 }],
      trichYeu,
      tenLoai: 'Kế hoạch',
    });
  }

  const arrivedAt = (app: App, trichYeu: string) => async () => {
    const listed = await app.call('incoming.list', {});
    return listed.ok && listed.value.some((doc) => doc.trichYeu === trichYeu);
  };

  it('a document published after the văn thư signed in is in their arrivals within seconds, not at the poll', async () => {
    expect(WITHIN).toBeLessThan(SYNC_POLL_MS / 4);
    const started = await startServer();
    server = started.server;
    const ubnd = open(started.url, { maDinhDanh: UBND, name: 'Ủy ban nhân dân tỉnh Demo' });
    const snv = open(started.url, { maDinhDanh: SNV, name: 'Sở Nội vụ tỉnh Demo' });
    expect(await ubnd.call('people.signIn', { username: 'vanthu.ubnd', password: DEMO_PASSWORD })).toMatchObject({
      ok: true,
      value: { roles: ['van-thu'], mode: 'online' },
    });
    expect(await snv.call('people.signIn', { username: 'vanthu.snv', password: DEMO_PASSWORD })).toMatchObject({
      ok: true,
    });
    // UBND's loop has done the sign-in's round and sleeps until its poll; its văn thư's long-poll is held.
    await expect
      .poll(
        async () => {
          const status = await ubnd.services.sync.status();
          return status.lastSuccessAt !== null && status.lastError === null && !status.running;
        },
        { timeout: WITHIN, interval: 100 },
      )
      .toBe(true);
    await delay(1_000);

    // Before, only the loop's minute poll pulled the trục's inbox: this waited up to a minute.
    const first = 'Về việc tổ chức hội nghị công tác văn thư';
    await publish(snv, first, '15/KH-SNV');
    await expect.poll(arrivedAt(ubnd, first), { timeout: WITHIN, interval: 100 }).toBe(true);

    // The next long-poll watches from where the last answer ended: a second publication wakes it too.
    await delay(1_000);
    const second = 'Về việc kiểm tra công tác lưu trữ';
    await publish(snv, second, '16/KH-SNV');
    await expect.poll(arrivedAt(ubnd, second), { timeout: WITHIN, interval: 100 }).toBe(true);
  }, 90_000);
});
