import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { afterEach, describe, expect, it } from 'vitest';
import { vietnamYear } from '../../../main/domain/vietnam-time.ts';
import { loadPrintableRegister } from '../../../main/services/registers/register-rows.ts';
import { printRegisterPdf } from '../../../main/services/registers/print-register.ts';
import { unusedNumbers } from '../../../main/services/store/renumberings.ts';
import { attachmentPath } from '../../../main/services/store/attachments.ts';
import { createAttachmentFileSink } from '../../../main/services/sync/file-sink.ts';
import { createRegisterLeaseSink } from '../../../main/services/sync/lease-adapter.ts';
import { createStoreRegistersFeed } from '../../../main/services/sync/registers-feed-store.ts';
import { fetchReplicaFiles } from '../../../main/services/sync/replica-files.ts';
import { setArrivalCheck } from '../../../main/services/store/arrival-gate.ts';
import { createOnlineNumbers, type OnlineNumbers } from '../../../main/services/sync/online-numbers.ts';
import { composeServices } from '../../../main/app/compose.ts';
import { dispatch } from '../../../main/ipc/dispatch.ts';
import { createHandlerTable } from '../../../main/ipc/handlers.ts';
import { silentLogger } from '../../../main/services/log/logger.ts';
import { IncomingInputSchema, type IncomingDocument } from '../../../preload/contract/incoming.ts';
import { OutgoingInputSchema } from '../../../preload/contract/outgoing.ts';
import { moveOutgoing, takeNumber } from '../../../main/services/store/outgoing-service.ts';
import type { ReferenceServer } from '../../../server/app.ts';
import {
  closeWorkstations,
  openWorkstation,
  PASSED_CHECK,
  startServer,
  tempDir,
  virtualClock,
  type Workstation,
} from './support.ts';

const SNV = '000.00.01.H99';

interface Station {
  readonly name: string;
  readonly ws: Workstation;
  readonly online: OnlineNumbers;
  readonly clock: ReturnType<typeof virtualClock>;
}

/** A văn thư workstation of Sở Nội vụ as the app runs it: leases for offline, the registers feed, online numbers. */
function station(url: string, username: string, clock: ReturnType<typeof virtualClock>): Station {
  const ws = openWorkstation({
    url,
    username,
    clock,
    storeOnClock: true,
    registers: true,
    leases: (_db, store) => {
      const register = store.context.registers.ensure({ maDinhDanh: SNV, kind: 'den', year: 2026 });
      return createRegisterLeaseSink(store.context.registers, () => [register.id], username, {
        lowWater: 2,
        blockSize: 5,
      });
    },
  });
  // A short wait: the test's outage answers nothing, and a clerk would not wait longer either. The
  // quiet period after an unanswered request passes on the simulated clock, like the outage.
  const online = createOnlineNumbers(() => ws.api, { timeoutMs: 800, clock: () => clock.ms() });
  return { name: username, ws, online, clock };
}

/** A paper document registered by the clerk: the server's number when it answers, else the block's. */
async function register(s: Station, trichYeu: string): Promise<IncomingDocument> {
  const id = uuidv7();
  const year = vietnamYear(s.clock.now());
  const number = await s.online.take('den', year, id, `so-den:${id}`);
  const input = IncomingInputSchema.parse({
    tenLoai: 'Công văn',
    so: String(10 + trichYeu.length),
    kyHieu: 'UBND-VX',
    // fixed-date: the issuing date of a paper document, before the simulated day (virtualClock).
    ngayBanHanh: '2026-02-27',
    coQuanBanHanh: 'UBND huyện Demo',
    trichYeu,
    source: 'giay',
  });
  return s.ws.store.addIncoming(input, undefined, { id, number }).document;
}

function registerOf(ws: Workstation) {
  return ws.store.context.registers.ensure({ maDinhDanh: SNV, kind: 'den', year: 2026 });
}

function serverRegistrations(server: ReferenceServer): Map<number, string> {
  const rows = server.db
    .prepare('select so_den, document_id from registrations where org = ? and year = 2026 order by so_den')
    .all(SNV) as { so_den: number; document_id: string }[];
  return new Map(rows.map((row) => [row.so_den, row.document_id]));
}

async function settle(...stations: Station[]): Promise<void> {
  for (const s of [...stations, ...stations]) {
    await s.ws.engine.runUntilIdle({ maxRounds: 30 });
  }
}

/** The printed sổ đến of 2026 (the app's printer), read back with pdftotext. */
async function printedText(ws: Workstation): Promise<string> {
  const pdf = await printRegisterPdf(loadPrintableRegister(ws.db, registerOf(ws)));
  const path = join(tempDir('so-den'), 'so-den.pdf');
  writeFileSync(path, pdf);
  return execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
}

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
    const services = composeServices({
      profileDir: join(tempDir('app'), 'profile'),
      shell: 'browser',
      log: silentLogger,
      syncCredentials: () => ({ username: 'vanthu2.snv', password: 'demo' }),
    });
    const table = createHandlerTable(services);
    const call = async (channel: string, payload: unknown): Promise<unknown> => {
      const result = await dispatch(table, channel, payload, { shell: 'browser' }, silentLogger);
      if (!result.ok) {
        throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
      }
      return result.value;
    };
    const add = async (trichYeu: string, doMat = 0) =>
      (
        (await call('incoming.add', {
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
        })) as { document: IncomingDocument }
      ).document;
    try {
      services.settings.update({
        organization: { maDinhDanh: SNV, name: 'Sở Nội vụ tỉnh Demo' },
        server: { url: started.url },
      });
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
      const listed = (await call('incoming.list', { limit: 500 })) as IncomingDocument[];
      expect(listed.find((doc) => doc.id === docs[1]!.id)).toMatchObject({ soDen: first + 1 });
    } finally {
      await services.store.close();
    }
  });

  it('cấp số online: văn bản đi of two workstations numbered in order; each sổ đi lists the organization’s', async () => {
    const clock = virtualClock();
    const started = await startServer(undefined, () => clock.ms());
    server = started.server;
    const a = station(started.url, 'vanthu.snv', clock);
    const b = station(started.url, 'vanthu2.snv', clock);
    await settle(a, b);
    const issue = async (s: Station, trichYeu: string) => {
      const pdf = join(s.ws.dir, `${trichYeu}.pdf`);
      writeFileSync(pdf, Buffer.from(`%PDF-1.7 ${trichYeu}`));
      const draft = s.ws.store.createOutgoing(
        OutgoingInputSchema.parse({
          tenLoai: 'Công văn',
          kyHieu: 'SNV-VP',
          trichYeu,
          coQuanBanHanh: 'Sở Nội vụ tỉnh Demo',
          nguoiKy: 'Lê Văn C',
          chucVu: 'Giám đốc',
          recipients: [{ maDinhDanh: '000.00.02.H99', ten: 'Sở Tài chính' }],
        }),
      );
      s.ws.store.submitOutgoing(draft.id);
      s.ws.store.markSigned(draft.id, pdf);
      // As the issuing service does: the server's number first, then cấp số in one transaction.
      const year = vietnamYear(s.clock.now());
      const online = await s.online.take('di', year, draft.id, `cap-so:${draft.id}:${year}`);
      const ctx = s.ws.store.context;
      moveOutgoing(ctx, draft.id, 'outgoing.number', (doc, now) => takeNumber(ctx, doc, now, online));
      s.ws.store.markSealed(draft.id, pdf);
      return s.ws.store.publishOutgoing(draft.id);
    };
    const issued = [await issue(a, 'Đi thứ nhất'), await issue(b, 'Đi thứ hai'), await issue(a, 'Đi thứ ba')];
    const first = issued[0]!.so!;
    expect(issued.map((doc) => doc.so)).toEqual([first, first + 1, first + 2]);
    await settle(a, b);
    for (const s of [a, b]) {
      const register = s.ws.store.context.registers.ensure({ maDinhDanh: SNV, kind: 'di', year: 2026 });
      const rows = loadPrintableRegister(s.ws.db, register).rows;
      expect(rows.map((row) => [row[0], row[2]])).toEqual(
        issued.map((doc) => [doc.soKyHieu, `Công văn: ${doc.trichYeu}`]),
      );
      // The other workstation's are the organization's record here, with their recipients.
      const others = issued.filter(
        (doc) => s.ws.db.prepare('select replica from outgoing_documents where id = ?').pluck().get(doc.id) === 1,
      );
      expect(others.map((doc) => doc.trichYeu)).toEqual(s === a ? ['Đi thứ hai'] : ['Đi thứ nhất', 'Đi thứ ba']);
      expect(rows[s === a ? 1 : 0]?.[4]).toBe('Sở Tài chính tỉnh Demo');
    }
    // Files on demand: B opens A's first document; its published file comes down by hash.
    const feed = createStoreRegistersFeed(b.ws.store.context);
    const replica = issued[0]!;
    expect(
      b.ws.db.prepare('select file_sha256 from outgoing_documents where id = ?').pluck().get(replica.id),
    ).toBeNull();
    const fetched = await fetchReplicaFiles(b.ws.api, feed, createAttachmentFileSink(b.ws.filesDir), replica.id);
    expect(fetched).toBe(replica.fileSha256);
    expect(b.ws.db.prepare('select file_sha256 from outgoing_documents where id = ?').pluck().get(replica.id)).toBe(
      replica.fileSha256,
    );
    expect(readFileSync(attachmentPath(b.ws.filesDir, fetched!))).toEqual(
      readFileSync(attachmentPath(a.ws.filesDir, fetched!)),
    );
  });

  it('the server’s rules: a number per key, a block cut once, given-back numbers only from the server', async () => {
    const clock = virtualClock();
    const started = await startServer(undefined, () => clock.ms());
    server = started.server;
    const { api } = openWorkstation({ url: started.url, username: 'vanthu.snv', clock });
    const code = (error: unknown) => (error as { failure?: { code: string } }).failure?.code;
    const lease = (await api.mutate('/v1/leases', 'lease-key-1', {
      registerKind: 'den',
      year: 2026,
      count: 5,
      workstationId: 'ws-a',
    })) as { leaseId: string; from: number; to: number };
    const number = () => api.allocateNumber('den', 2026, 'doc-x', 'number-key-1', 5_000);
    const allocated = await number();
    expect(allocated).toBe(lease.to + 1);
    expect(await number()).toBe(allocated);

    // The block is cut at its third number: the rest goes to the pool, once.
    const cut = { from: lease.from + 2 };
    expect(await api.mutate(`/v1/leases/${lease.leaseId}/return`, 'return-key-1', cut)).toEqual({
      leaseId: lease.leaseId,
      from: lease.from + 2,
      to: lease.to,
      returned: 3,
    });
    expect(await api.mutate(`/v1/leases/${lease.leaseId}/return`, 'return-key-1', cut)).toMatchObject({ returned: 3 });
    await expect(api.mutate(`/v1/leases/${lease.leaseId}/return`, 'return-key-2', cut)).rejects.toSatisfy(
      (error) => code(error) === 'LEASE_RETURNED',
    );
    // A workstation may not claim a given-back number itself …
    await expect(
      api.mutate('/v1/documents/paper-1/registration', 'register-key-1', {
        year: 2026,
        soDen: lease.from + 3,
        ngayDen: '2026-03-02',
        document: {
          source: 'giay',
          metadata: {
            tenLoai: 'Công văn',
            soKyHieu: '1/UBND',
            // fixed-date: metadata of a paper document, not the numbering's clock.
            ngayBanHanh: '2026-02-27',
            coQuanBanHanh: 'UBND huyện Demo',
            trichYeu: 'Thử',
          },
          files: [],
        },
      }),
    ).rejects.toSatisfy((error) => code(error) === 'NUMBER_TAKEN');
    // … the server hands them out first, lowest first.
    expect(await api.allocateNumber('den', 2026, 'doc-y', 'number-key-2', 5_000)).toBe(lease.from + 2);

    // doc-x registered with a number of its block (its workstation stopped waiting): its allocated number goes back.
    await api.mutate('/v1/documents/doc-x/registration', 'register-key-2', {
      year: 2026,
      soDen: lease.from,
      ngayDen: '2026-03-02',
      document: {
        source: 'giay',
        metadata: {
          tenLoai: 'Công văn',
          soKyHieu: '2/UBND',
          ngayBanHanh: '2026-02-27',
          coQuanBanHanh: 'UBND huyện Demo',
          trichYeu: 'Thử',
        },
        files: [],
      },
    });
    expect(
      started.server.db.prepare('select no from returned_numbers where org = ? order by no').pluck().all(SNV),
    ).toEqual([lease.from + 3, lease.from + 4, allocated]);
  });
});
