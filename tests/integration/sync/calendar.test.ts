import { afterEach, describe, expect, it } from 'vitest';
import { createAxiosTransport } from '../../../main/services/sync/transport.ts';
import { ApiClient } from '../../../main/services/sync/api-client.ts';
import { SyncEngine } from '../../../main/services/sync/engine.ts';
import { storeCalendar } from '../../../main/services/sync/store-ports.ts';
import { attachmentPath } from '../../../main/services/store/attachments.ts';
import type { StoreCall } from '../../../main/services/store/store-client.ts';
import { storeMethods, type StoreMethod } from '../../../main/services/store/store-protocol.ts';
import { silentLogger } from '../../../main/services/log/logger.ts';
import { incoming, openLease, openTestStore } from '../store/helpers.ts';
import { DEMO_PASSWORD } from '../../../server/seed.ts';
import { startServer, virtualClock } from './support.ts';

/*
 * The year's announced arrangement travels from the reference server's /v1/calendar into the
 * store, which recomputes what is due. fixed-date: a Thursday before Tết 2027 on the store's
 * injected clock; the server's clock is the virtual one of the sync tests.
 */
const servers: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

describe('the working calendar from the server', () => {
  it('a published arrangement reaches the store at the next round and moves the due time', async () => {
    const clock = virtualClock();
    const { server, url } = await startServer(undefined, () => clock.now().getTime());
    servers.push(server);
    // fixed-date: Thursday 4 February 2027, 10:00 in Hà Nội.
    const { store } = openTestStore({ now: new Date('2027-02-04T03:00:00Z') });
    openLease(store, 2027);
    const doc = store.addIncoming(incoming({ so: '1' })).document;
    expect(doc.due?.dueAt).toBe('2027-02-12T16:59:59.999Z');
    const arrangement = {
      year: 2027,
      reference: 'Công văn thử/BNV-CCVC',
      extraDaysOff: [{ date: '2027-02-12', name: 'Nghỉ thêm' }],
    };
    const put = await fetch(`${url}/__admin/calendar`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ items: [arrangement] }),
    });
    expect(put.status).toBe(200);
    // The store as the app calls it (through the worker's method table), in process here.
    const methods = storeMethods(store, () => ({ path: '', bytes: 0 }));
    const call = (async (method: StoreMethod, ...args: unknown[]) =>
      (methods[method] as (...a: unknown[]) => unknown)(...args)) as StoreCall;
    const engine = new SyncEngine({
      api: new ApiClient(
        createAxiosTransport({ baseUrl: url, timeoutMs: 20_000 }),
        () => ({ username: 'vanthu.snv', password: DEMO_PASSWORD }),
        () => clock.now(),
      ),
      outbox: store.context.outbox,
      files: { pathOf: (sha256) => attachmentPath(store.context.filesDir, sha256) },
      calendar: storeCalendar(call, () => clock.now()),
      clock,
      log: silentLogger,
    });
    await engine.runRound();
    expect(store.getIncoming(doc.id).due?.dueAt).toBe('2027-02-15T16:59:59.999Z');
    expect(store.context.db.prepare(`SELECT source FROM calendar_arrangements WHERE year = 2027`).pluck().get()).toBe(
      'server',
    );
  });
});
