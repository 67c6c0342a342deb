import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { vietnamYear } from '../../../main/domain/vietnam-time.ts';
import { loadPrintableRegister } from '../../../main/services/store/register-rows.ts';
import { unusedNumbers } from '../../../main/services/store/renumberings.ts';
import { setArrivalCheck } from '../../../main/services/store/arrival-gate.ts';
import { type IncomingDocument } from '../../../preload/contract/incoming.ts';
import type { ReferenceServer } from '../../../server/app.ts';
import { openApp } from '../../support/app.ts';
import { closeWorkstations, PASSED_CHECK, startServer, tempDir, virtualClock } from './support.ts';
import {
  printedText,
  register,
  registerOf,
  serverRegistrations,
  settle,
  SNV,
  station,
  type Station,
} from './online-numbers-support.ts';

describe('one organization, two workstations: numbers in order of receipt while online', () => {
  let server: ReferenceServer | undefined;
  afterEach(async () => {
    closeWorkstations();
    await server?.close();
  });

  it('alternate online registrations are consecutive; after an outage no number is lost or used twice; both sổ list everything', async () => {
    const clock = virtualClock();
    const started = await startServer(undefined, () => clock.ms());
    server = started.server;
    const a = station(started.url, 'vanthu.snv', clock);
    const b = station(started.url, 'vanthu2.snv', clock);
    // Each gets its offline block (and the demo arrivals, numbered by the server).
    await settle(a, b);
    const blocks = [a, b].map((s) => s.ws.store.context.registers.leases(registerOf(s.ws).id));
    expect(blocks.map((leases) => leases.length)).toEqual([1, 1]);

    // Online, with one request in four failing (half of them after the change, the answer lost).
    started.server.faults.update({ errorRate: 0.25, seed: 7 });
    const order: { s: Station; doc: IncomingDocument }[] = [];
    for (let i = 0; i < 8; i += 1) {
      const s = i % 2 === 0 ? a : b;
      order.push({ s, doc: await register(s, `Việc trực tuyến ${i + 1}`) });
    }
    const first = order[0]!.doc.soDen!;
    expect(order.map(({ doc }) => doc.soDen)).toEqual(order.map((_, i) => first + i));
    // The blocks were not touched: online numbers come from the server only.
    for (const s of [a, b]) {
      const [lease] = s.ws.store.context.registers.leases(registerOf(s.ws).id);
      expect(lease?.nextNumber).toBe(lease?.firstNumber);
    }
    await settle(a, b);
    const online = serverRegistrations(started.server);
    for (const { doc } of order) {
      expect(online.get(doc.soDen!)).toBe(doc.id);
    }

    // Two hours offline: both keep registering from their blocks (and sync finds the server gone).
    started.server.faults.update({ errorRate: 0, outage: { startMs: clock.ms(), endMs: clock.ms() + 7_200_000 } });
    const offline: IncomingDocument[] = [];
    for (const [s, n] of [
      [a, 1],
      [b, 2],
      [a, 3],
      [b, 4],
      [a, 5],
    ] as const) {
      offline.push(await register(s, `Việc ngoại tuyến ${n}`));
    }
    await a.ws.engine.runRound();
    await b.ws.engine.runRound();
    // Sync found no server: the blocks are not cut on the way offline (they serve until the server answers).
    for (const s of [a, b]) {
      expect(s.ws.store.context.registers.leases(registerOf(s.ws).id).map((l) => l.returnedFrom)).toEqual([null]);
    }
    const blockNumbers = blocks.map((leases) => leases[0]!);
    expect(offline.map((doc) => doc.soDen)).toEqual([
      blockNumbers[0]!.firstNumber,
      blockNumbers[1]!.firstNumber,
      blockNumbers[0]!.firstNumber + 1,
      blockNumbers[1]!.firstNumber + 1,
      blockNumbers[0]!.firstNumber + 2,
    ]);

    // Back online (faults on again): the registrations go out, the blocks' unused numbers go back.
    await clock.sleep(7_200_000);
    started.server.faults.update({ errorRate: 0.25, seed: 11 });
    await settle(a, b);
    for (const s of [a, b]) {
      const [used] = s.ws.store.context.registers.leases(registerOf(s.ws).id);
      expect(used?.returnedFrom).toBe(used?.nextNumber);
      expect(used?.returnedAt).not.toBeNull();
    }
    const returned = started.server.db
      .prepare(`select count(*) from returned_numbers where org = ?`)
      .pluck()
      .get(SNV) as number;
    expect(returned).toBe(2 + 3);

    // The next online registrations take the given-back numbers first: none is lost.
    const after: IncomingDocument[] = [];
    for (let i = 0; i < 6; i += 1) {
      after.push(await register(i % 2 === 0 ? b : a, `Việc sau mất mạng ${i + 1}`));
    }
    const givenBack = [
      blockNumbers[0]!.firstNumber + 3,
      blockNumbers[0]!.firstNumber + 4,
      blockNumbers[1]!.firstNumber + 2,
      blockNumbers[1]!.firstNumber + 3,
      blockNumbers[1]!.firstNumber + 4,
    ];
    expect(after.slice(0, 5).map((doc) => doc.soDen)).toEqual(givenBack);
    started.server.faults.update({ errorRate: 0 });
    await settle(a, b);

    // The server: every number up to its counter is registered, back in the pool, or in a block held now.
    const registered = serverRegistrations(started.server);
    const all = [...order.map(({ doc }) => doc), ...offline, ...after];
    for (const doc of all) {
      expect(registered.get(doc.soDen!), doc.trichYeu).toBe(doc.id);
    }
    const counter = started.server.db
      .prepare(`select next_no from register_counters where org = ? and kind = 'den' and year = 2026`)
      .pluck()
      .get(SNV) as number;
    const pool = new Set(
      started.server.db
        .prepare(`select no from returned_numbers where org = ? and kind = 'den' and year = 2026`)
        .pluck()
        .all(SNV) as number[],
    );
    const held = new Set<number>();
    for (const lease of started.server.db
      .prepare(
        `select from_no, to_no from leases l where org = ? and kind = 'den'
         and not exists (select 1 from lease_returns r where r.lease_id = l.id)`,
      )
      .all(SNV) as { from_no: number; to_no: number }[]) {
      for (let n = lease.from_no; n <= lease.to_no; n += 1) {
        if (!registered.has(n)) {
          held.add(n);
        }
      }
    }
    for (let n = 1; n < counter; n += 1) {
      const places = [registered.has(n), pool.has(n), held.has(n)].filter(Boolean).length;
      expect(places, `number ${n}`).toBe(1);
    }
    // Every number given back was given out again (the pool is empty) and nothing is printed as unused.
    expect(pool.size).toBe(0);

    // Each workstation holds the organization's whole sổ đến, and prints it.
    for (const s of [a, b]) {
      const rows = loadPrintableRegister(s.ws.db, registerOf(s.ws)).rows;
      expect(
        rows.map((row) => Number(row[1])).sort((x, y) => x - y),
        s.name,
      ).toEqual([...registered.keys()].sort((x, y) => x - y));
      expect(unusedNumbers(s.ws.db, registerOf(s.ws).id)).toEqual([]);
      const text = await printedText(s.ws);
      for (const doc of all) {
        expect(text, `${s.name}: ${doc.trichYeu}`).toContain(doc.trichYeu);
      }
      expect(await s.ws.engine.conflicts()).toEqual([]);
      expect(s.ws.store.verifyAudit()).toMatchObject({ ok: true });
    }
    // A replica is the organization's record, not this workstation's work.
    const replicaOfB = a.ws.db
      .prepare(`select replica from incoming_documents where id = ?`)
      .pluck()
      .get(order[1]!.doc.id);
    expect(replicaOfB).toBe(1);
    expect(() => a.ws.store.transitionIncoming(order[1]!.doc.id, 'da-tiep-nhan')).toThrow(/máy khác/);
    expect(a.ws.store.listIncoming({ state: 'da-den' }).map((doc) => doc.id)).not.toContain(order[1]!.doc.id);
    expect(a.ws.store.listIncoming({ limit: 500 }).map((doc) => doc.id)).toContain(order[1]!.doc.id);
  }, 120_000);

  it('both workstations pull the same arrivals: each tiếp nhận asks the server by the document, both get one number, nothing is given up', async () => {
    const clock = virtualClock();
    const started = await startServer(undefined, () => clock.ms());
    server = started.server;
    const a = station(started.url, 'vanthu.snv', clock);
    const b = station(started.url, 'vanthu2.snv', clock);
    await a.ws.engine.runRound();
    await b.ws.engine.runRound();
    const ids = a.ws.receivedIds();
    expect(ids).toHaveLength(3);
    expect(b.ws.receivedIds()).toEqual(ids);
    for (const s of [a, b]) {
      // Arrivals wait for their check and tiếp nhận: no number is taken on arrival (#17).
      expect(ids.map((id) => s.ws.store.getIncoming(id).soDen)).toEqual([null, null, null]);
    }
    // Both clerks receive every arrival before either registration reaches the server; tiếp nhận
    // asks the server's number keyed by the document, as main's incoming.transition does.
    const admit = async (s: Station, id: string): Promise<void> => {
      setArrivalCheck(s.ws.store.context, id, PASSED_CHECK, null);
      const number = await s.online.take('den', vietnamYear(clock.now()), id, `so-den:${id}`);
      s.ws.store.transitionIncoming(id, 'da-tiep-nhan', undefined, undefined, number);
    };
    for (const id of ids) {
      await admit(a, id);
      await admit(b, id);
    }
    await a.ws.engine.runUntilIdle({ maxRounds: 10 });
    await b.ws.engine.runUntilIdle({ maxRounds: 10 });
    const registered = serverRegistrations(started.server);
    const numbers = ids.map((id) => [...registered].find(([, doc]) => doc === id)?.[0]);
    expect(numbers.every((n) => n !== undefined)).toBe(true);
    expect(new Set(numbers).size).toBe(3);
    for (const s of [a, b]) {
      expect(ids.map((id) => s.ws.store.getIncoming(id).soDen)).toEqual(numbers);
      expect(await s.ws.engine.conflicts()).toEqual([]);
      expect(unusedNumbers(s.ws.db, registerOf(s.ws).id)).toEqual([]);
      // The blocks were not touched: while online the numbers are the server's.
      for (const lease of s.ws.store.context.registers.leases(registerOf(s.ws).id)) {
        expect(lease.nextNumber).toBe(lease.firstNumber);
      }
    }
    expect(started.server.db.prepare('select count(*) from registrations').pluck().get()).toBe(3);
  }, 60_000);

  it('in the app (IPC, store worker): incoming.add takes the server’s next number, and the registers feed brings the other workstation’s', async () => {
    const started = await startServer();
    server = started.server;
    // real time: the app numbers in the current Vietnamese year; both sides read the same clock.
    const a = station(started.url, 'vanthu.snv', virtualClock(Date.now()));
    const app = openApp({
      profileDir: join(tempDir('app'), 'profile'),
      organization: { maDinhDanh: SNV, name: 'Sở Nội vụ tỉnh Demo' },
      syncCredentials: () => ({ username: 'vanthu2.snv', password: 'demo' }),
    });
    // Each answer's value; a refusal throws with its code.
    const { services, value: call } = app;
    const add = async (trichYeu: string, doMat = 0) =>
      (
        await call('incoming.add', {
          input: {
            doMat,
            tenLoai: 'Công văn',
            so: '7',
            kyHieu: 'UBND-VX',
            // fixed-date: the paper document's own date, not a date the numbering depends on.
            ngayBanHanh: '2026-02-27',
            coQuanBanHanh: 'UBND huyện Demo',
            trichYeu,
            source: 'giay',
          },
        })
      ).document;
    try {
      services.settings.update({ server: { url: started.url } });
      const docs = [await add('Việc của máy B 1'), await register(a, 'Việc của máy A'), await add('Việc của máy B 2')];
      const first = docs[0]!.soDen!;
      expect(docs.map((doc) => doc.soDen)).toEqual([first, first + 1, first + 2]);
      expect(started.server.db.prepare('select count(*) from number_allocations').pluck().get()).toBe(3);
      // A Mật document asks the server nothing, not even with its id: no block here yet, so a provisional number.
      const secret = await add('Việc mật', 1);
      expect(secret).toMatchObject({ soDen: null, soDenTam: 1 });
      expect(started.server.db.prepare('select count(*) from number_allocations').pluck().get()).toBe(3);
      expect(
        started.server.db
          .prepare('select count(*) from number_allocations where document_id = ?')
          .pluck()
          .get(secret.id),
      ).toBe(0);
      await call('sync.retryNow', {});
      await a.ws.engine.runUntilIdle({ maxRounds: 10 });
      await call('sync.retryNow', {});
      const listed = await call('incoming.list', { limit: 500 });
      expect(listed.find((doc) => doc.id === docs[1]!.id)).toMatchObject({ soDen: first + 1 });
    } finally {
      await app.close();
    }
  });
});
