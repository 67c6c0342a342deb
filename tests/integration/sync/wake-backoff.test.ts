import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../main/services/log/logger.ts';
import type { StoreCall } from '../../../main/services/store/store-client.ts';
import { storeMethods, type StoreMethod } from '../../../main/services/store/store-protocol.ts';
import type { SyncClock } from '../../../main/services/sync/ports.ts';
import { createSyncService, type SyncService } from '../../../main/services/sync/sync-service.ts';
import type { ReferenceServer } from '../../../server/app.ts';
import { DEMO_PASSWORD } from '../../../server/seed.ts';
import { testNow } from '../../support/clock/clock.ts';
import { closeWorkstations, openWorkstation, startServer } from './support.ts';

/** Time that moves only when the test says: the loop's backoff is never waited out by accident. */
function standingClock(start: number): SyncClock & { ms(): number } {
  const now = start;
  return {
    ms: () => now,
    now: () => new Date(now),
    // Nothing advances the clock here: a sleep ends only when the loop is woken or stopped.
    sleep: (_ms, signal) =>
      new Promise<void>((resolve) => {
        if (signal?.aborted === true) {
          resolve();
          return;
        }
        signal?.addEventListener('abort', () => resolve(), { once: true });
      }),
  };
}

describe('a wake ends the backoff that an unreachable server built up (#16)', () => {
  let server: ReferenceServer | undefined;
  let sync: SyncService | undefined;
  afterEach(async () => {
    await sync?.stop();
    closeWorkstations();
    await server?.close();
  });

  it('the server comes back and the network watcher wakes sync: the round runs now, not when the backoff ends', async () => {
    const clock = standingClock(testNow().getTime());
    const started = await startServer(undefined, () => clock.ms());
    server = started.server;
    const ws = openWorkstation({ url: started.url, username: 'vanthu.snv', clock, storeOnClock: true });
    // The store as the app calls it (through the worker's method table), in process here.
    const methods = storeMethods(ws.store, () => ({ path: '', bytes: 0 }));
    const store = (async (method: StoreMethod, ...args: unknown[]) =>
      (methods[method] as (...a: unknown[]) => unknown)(...args)) as StoreCall;
    sync = createSyncService({
      serverUrl: () => started.url,
      credentials: () => ({ username: 'vanthu.snv', password: DEMO_PASSWORD }),
      store,
      filesDir: ws.filesDir,
      log: silentLogger,
      clock,
    });

    // The server drops every connection: the loop's first round gets no answer and backs off.
    started.server.faults.update({ outage: { startMs: 0, endMs: Number.MAX_SAFE_INTEGER } });
    sync.start();
    await expect.poll(async () => (await sync!.status()).connection, { timeout: 10_000 }).toBe('offline');

    // The server is back and something says so (Electron's network watcher, a sign-in): wake.
    started.server.faults.update({ outage: null });
    sync.wake();

    // Before, the woken round found the backoff still running and went back to sleep until it ended.
    await expect.poll(async () => (await sync!.status()).connection, { timeout: 10_000 }).toBe('online');
    expect((await sync.status()).lastSuccessAt).not.toBeNull();
  });
});
