import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { Logger } from '../../../main/services/log/logger.ts';
import { startStoreWorker, type StoreClient } from '../../../main/services/store/store-client.ts';
import { incoming, ORG, tempDir } from './helpers.ts';

function capturingLogger(): Logger & { events: { level: string; event: string; fields?: Record<string, unknown> }[] } {
  const events: { level: string; event: string; fields?: Record<string, unknown> }[] = [];
  const at = (level: string) => (event: string, fields?: Record<string, unknown>) =>
    void events.push({ level, event, fields });
  return { events, debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

let client: StoreClient | undefined;
afterEach(async () => {
  await client?.close();
  client = undefined;
});

describe('store worker', () => {
  it('owns the database in a worker thread behind a typed request interface, with a slow-query log', async () => {
    const dir = tempDir();
    const log = capturingLogger();
    client = await startStoreWorker({
      databasePath: join(dir, 'vanthu.sqlite'),
      filesDir: join(dir, 'files'),
      maDinhDanh: ORG,
      slowMs: 0,
      log,
    });
    const register = await client.call('registers.ensure', { maDinhDanh: ORG, kind: 'den', year: 2026 });
    await client.call('registers.addLease', register.id, { firstNumber: 1, lastNumber: 10 });
    // real time: the store worker process stamps with its own clock.
    const now = new Date();
    const year = Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric' }).format(now));
    if (year !== 2026) {
      const current = await client.call('registers.ensure', { maDinhDanh: ORG, kind: 'den', year });
      await client.call('registers.addLease', current.id, { firstNumber: 1, lastNumber: 10 });
    }
    const { document } = await client.call('incoming.add', incoming());
    expect(document.soDen).toBe(1);
    expect((await client.call('incoming.list', { search: 'quyet dinh' })).map((d) => d.id)).toEqual([document.id]);
    // real time: the worker enqueued with its own clock; a second later every job is due.
    const [job] = await client.call('outbox.claimDue', new Date(Date.now() + 1000), 5);
    expect(job?.kind).toBe('incoming.register');
    await client.call('outbox.markDone', job?.id ?? '');
    expect(await client.call('outbox.counts')).toMatchObject({ done: 1 });
    await expect(client.call('incoming.get', 'no-such-id')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(log.events.some((e) => e.event === 'store.slow_query' && e.fields?.['method'] === 'incoming.add')).toBe(
      true,
    );
  });

  it('refuses to start on a database from a newer version', async () => {
    const dir = tempDir();
    const raw = new Database(join(dir, 'vanthu.sqlite'));
    raw.pragma('user_version = 999');
    raw.close();
    await expect(
      startStoreWorker({
        databasePath: join(dir, 'vanthu.sqlite'),
        filesDir: join(dir, 'files'),
        maDinhDanh: ORG,
        log: capturingLogger(),
      }),
    ).rejects.toMatchObject({ code: 'DB_FROM_FUTURE' });
  });
});
