import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { AssignmentInputSchema, IncomingInputSchema } from '../../../preload/contract/incoming.ts';
import { loadPrintableRegister } from '../../../main/services/store/register-rows.ts';
import { listRenumberings } from '../../../main/services/store/renumberings.ts';
import { assignIncoming } from '../../../main/services/store/workflow-actions.ts';
import { setArrivalCheck } from '../../../main/services/store/arrival-gate.ts';
import { createRegisterLeaseSink } from '../../../main/services/sync/lease-adapter.ts';
import { createOnlineNumbers } from '../../../main/services/sync/online-numbers.ts';
import { vietnamYear } from '../../../main/domain/vietnam-time.ts';
import type { ReferenceServer } from '../../../server/app.ts';
import { openApp } from '../../support/app.ts';
import { openServerDb } from '../../../server/db.ts';
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

/** A workstation of Sở Nội vụ whose sổ đến of 2026 numbers from blocks leased by the server, as in the app. */
function leased(url: string, username: string, clock: ReturnType<typeof virtualClock>): Workstation {
  return openWorkstation({
    url,
    username,
    clock,
    storeOnClock: true,
    leases: (_db, store) => {
      const register = store.context.registers.ensure({ maDinhDanh: SNV, kind: 'den', year: 2026 });
      return createRegisterLeaseSink(store.context.registers, () => [register.id], username, {
        lowWater: 5,
        blockSize: 20,
      });
    },
  });
}

function registerOf(ws: Workstation) {
  return ws.store.context.registers.ensure({ maDinhDanh: SNV, kind: 'den', year: 2026 });
}

/** The printed sổ đến of 2026: its Số đến column and its Tên loại và trích yếu column. */
function printed(ws: Workstation): { soDen: string; trichYeu: string; ghiChu: string }[] {
  const register = registerOf(ws);
  return loadPrintableRegister(ws.db, { ...register, maDinhDanh: SNV }).rows.map((row) => ({
    soDen: row[1] ?? '',
    trichYeu: row[5] ?? '',
    ghiChu: row[9] ?? '',
  }));
}

function serverNumbers(server: ReferenceServer, ids: readonly string[]): number[] {
  return ids.map((id) => {
    const rows = server.db
      .prepare('select so_den from registrations where document_id = ? and org = ?')
      .all(id, SNV) as { so_den: number }[];
    expect(rows, `one registration of ${id}`).toHaveLength(1);
    return rows[0]!.so_den;
  });
}

describe('one organization, two workstations, one số đến per document', () => {
  let server: ReferenceServer | undefined;
  afterEach(async () => {
    closeWorkstations();
    await server?.close();
  });

  it('A registers, B pulls: B shows A’s numbers, takes none of its own and has nothing to register', async () => {
    const clock = virtualClock();
    const started = await startServer(undefined, () => clock.ms());
    server = started.server;
    const a = leased(started.url, 'vanthu.snv', clock);
    const b = leased(started.url, 'vanthu2.snv', clock);
    await a.engine.runUntilIdle({ maxRounds: 5 });
    // A's clerk receives them: tiếp nhận gives the số đến, which then goes to the server.
    a.receiveArrivals();
    await a.engine.runUntilIdle({ maxRounds: 5 });
    const ids = a.receivedIds();
    expect(ids).toHaveLength(3);
    const numbers = serverNumbers(started.server, ids);
    expect(ids.map((id) => a.store.getIncoming(id).soDen)).toEqual(numbers);

    await b.engine.runUntilIdle({ maxRounds: 5 });
    expect(b.receivedIds()).toEqual(ids);
    expect(ids.map((id) => b.store.getIncoming(id))).toEqual(
      ids.map((id, i) =>
        expect.objectContaining({
          soDen: numbers[i],
          soDenTam: null,
          ngayDen: a.store.getIncoming(id).ngayDen,
          state: 'da-den',
        }),
      ),
    );
    // Nothing to register again: no job was queued, none of B's block was used, nothing was renumbered.
    expect(b.registrationJobIds()).toEqual([]);
    const [lease] = b.store.context.registers.leases(registerOf(b).id);
    expect(lease?.nextNumber).toBe(lease?.firstNumber);
    expect(listRenumberings(b.db)).toEqual([]);
    expect(await b.engine.conflicts()).toEqual([]);
    expect(started.server.db.prepare('select count(*) as n from registrations').get()).toEqual({ n: 3 });
    // B's register shows each document once, under the organization's number.
    expect(printed(b).map((row) => row.soDen)).toEqual(numbers.map((n) => String(n).padStart(2, '0')).sort());
    expect(b.store.verifyAudit()).toMatchObject({ ok: true });
  });

  it('B pulled before A registered and its registration is still waiting: the next pull gives it A’s number, nothing is sent', async () => {
    const clock = virtualClock();
    const started = await startServer(undefined, () => clock.ms());
    server = started.server;
    const a = leased(started.url, 'vanthu.snv', clock);
    const b = leased(started.url, 'vanthu2.snv', clock);
    await b.engine.runRound();
    b.receiveArrivals();
    const ids = b.receivedIds();
    const own = ids.map((id) => b.store.getIncoming(id).soDen!);
    // B's registrations wait (paused here, as if its clerk were still at work offline) while A's go out.
    b.outbox.pause();
    await a.engine.runUntilIdle({ maxRounds: 5 });
    a.receiveArrivals();
    await a.engine.runUntilIdle({ maxRounds: 5 });
    const numbers = serverNumbers(started.server, ids);
    expect(numbers.every((n, i) => n !== own[i])).toBe(true);

    await b.engine.runUntilIdle({ maxRounds: 5 });
    expect(ids.map((id) => b.store.getIncoming(id).soDen)).toEqual(numbers);
    // The waiting registrations are settled without a request: the server never heard from B.
    // Only the statuses 03 of B's tiếp nhận still wait with the paused outbox; no registration does.
    expect(b.outbox.counts()).toMatchObject({ pending: 0, paused: 3, failed: 0, 'in-flight': 0 });
    expect(b.outbox.list({ state: 'paused' }).every((job) => job.kind === 'incoming.status')).toBe(true);
    const keys = b.registrationJobIds();
    expect(keys).toHaveLength(3);
    expect(
      started.server.db
        .prepare(`select count(*) as n from idempotency where key in (${keys.map(() => '?').join(',')})`)
        .get(...keys),
    ).toEqual({ n: 0 });
    expect(started.server.db.prepare('select count(*) as n from registrations').get()).toEqual({ n: 3 });
    // The order of A's registrations (four at a time) is the order of the inbox items: compare by document.
    expect(
      listRenumberings(b.db)
        .map((n) => [n.documentId, n.soDenCu, n.soDen, n.via])
        .sort(),
    ).toEqual(ids.map((id, i) => [id, own[i], numbers[i], 'inbox']).sort());
    expect(await b.engine.conflicts()).toEqual([]);
    expect(b.store.verifyAudit()).toMatchObject({ ok: true });
  });

  it('both pulled, both work offline, both sync: one registration, the server’s number on both, nothing given up, workflow kept', async () => {
    const clock = virtualClock();
    const started = await startServer(undefined, () => clock.ms());
    server = started.server;
    const a = leased(started.url, 'vanthu.snv', clock);
    const b = leased(started.url, 'vanthu2.snv', clock);
    // Both get their blocks and the inbox before either registration reaches the server.
    await a.engine.runRound();
    await b.engine.runRound();
    const ids = a.receivedIds();
    expect(b.receivedIds()).toEqual(ids);
    // Both clerks receive every arrival while online: tiếp nhận asks the server's number keyed by
    // the document (as main's incoming.transition does), so both hold the organization's number
    // and neither takes one from its block.
    for (const ws of [a, b]) {
      const online = createOnlineNumbers(() => ws.api, { timeoutMs: 800, clock: () => clock.ms() });
      for (const id of ids) {
        setArrivalCheck(ws.store.context, id, PASSED_CHECK, null);
        const number = await online.take('den', vietnamYear(clock.now()), id, `so-den:${id}`);
        ws.store.transitionIncoming(id, 'da-tiep-nhan', undefined, undefined, number);
      }
    }
    const before = ids.map((id) => a.store.getIncoming(id).soDen);
    expect(before.every((n) => n !== null)).toBe(true);
    expect(ids.map((id) => b.store.getIncoming(id).soDen)).toEqual(before);

    // Offline for two hours: B's clerk takes one document as far as phân công and registers a paper one.
    started.server.faults.update({ outage: { startMs: clock.ms(), endMs: clock.ms() + 2 * 3_600_000 } });
    const [x] = ids as [string];
    b.store.transitionIncoming(x, 'da-trinh', 'Kính trình Giám đốc');
    assignIncoming(
      b.store.context,
      x,
      AssignmentInputSchema.parse({ chuTri: 'Phòng Tổ chức', yKien: 'Giao chủ trì', hanXuLy: '2026-03-20' }),
    );
    const paper = b.store.addIncoming(
      IncomingInputSchema.parse({
        tenLoai: 'Công văn',
        so: '88',
        kyHieu: 'UBND-VX',
        ngayBanHanh: '2026-02-27',
        coQuanBanHanh: 'UBND huyện Demo',
        trichYeu: 'Về việc báo cáo số liệu',
        source: 'giay',
      }),
    ).document;
    await b.engine.runRound();
    expect(await b.engine.status()).toMatchObject({ connection: 'offline' });

    // Back online: A's registrations arrive first, then B's are refused as ALREADY_REGISTERED and settled.
    await clock.sleep(2 * 3_600_000);
    await a.engine.runUntilIdle({ maxRounds: 20 });
    await b.engine.runUntilIdle({ maxRounds: 20 });
    await a.engine.runUntilIdle({ maxRounds: 5 });

    const numbers = serverNumbers(started.server, ids);
    for (const ws of [a, b]) {
      expect(ids.map((id) => ws.store.getIncoming(id).soDen)).toEqual(numbers);
      expect(await ws.engine.conflicts()).toEqual([]);
      expect(ws.outbox.counts()).toMatchObject({ pending: 0, failed: 0, 'in-flight': 0 });
      // `vanthu audit verify` walks the same chain.
      expect(ws.store.verifyAudit()).toMatchObject({ ok: true });
    }
    // The document that went further keeps its workflow; only its number changed. Its statuses followed the repair.
    expect(b.store.getIncoming(x)).toMatchObject({ state: 'phan-cong', hanXuLy: '2026-03-20', soDen: numbers[0] });
    expect(b.store.getIncoming(x).yKien).toMatch(/Kính trình Giám đốc/);
    expect(
      (
        started.server.db
          .prepare('select code from statuses where document_id = ? and org = ? order by id')
          .all(x, SNV) as { code: string }[]
      ).map((s) => s.code),
      // Both clerks received it (03 from each workstation), then B's leader assigned it.
    ).toEqual(['03', '03', '04']);
    // The paper document was registered as usual, with B's next number.
    expect(started.server.db.prepare('select so_den from registrations where document_id = ?').get(paper.id)).toEqual({
      so_den: paper.soDen,
    });

    // B's register: every number once, none given up (B never took one of its own for the arrivals).
    const rows = printed(b);
    const pad = (n: number) => String(n).padStart(2, '0');
    expect(rows.map((r) => r.soDen).sort()).toEqual([...numbers, paper.soDen!].map(pad).sort());
    expect(rows.some((r) => r.trichYeu === 'Số đến không sử dụng')).toBe(false);
    expect(b.db.prepare(`select count(*) from audit_log where action = 'register.number-unused'`).pluck().get()).toBe(
      0,
    );
    // Nothing to tell the clerk: the number B received with was already the organization's.
    expect(listRenumberings(b.db)).toEqual([]);
    expect(listRenumberings(a.db)).toEqual([]);
  });

  it('an engine without the repair (vanthu sync today): the refusal is settled by the inbox item of the same round', async () => {
    const clock = virtualClock();
    const started = await startServer(undefined, () => clock.ms());
    server = started.server;
    const a = openWorkstation({ url: started.url, username: 'vanthu.snv', clock, storeOnClock: true });
    const b = openWorkstation({ url: started.url, username: 'vanthu2.snv', clock, storeOnClock: true, repair: false });
    await a.engine.runRound();
    await b.engine.runRound();
    a.receiveArrivals();
    b.receiveArrivals();
    await a.engine.runUntilIdle({ maxRounds: 5 });
    const ids = a.receivedIds();
    const numbers = serverNumbers(started.server, ids);
    // B's registrations are refused (ALREADY_REGISTERED) and its pull, later in the round, settles them.
    const report = await b.engine.runRound();
    expect(report).toMatchObject({ failed: 3 });
    expect(ids.map((id) => b.store.getIncoming(id).soDen)).toEqual(numbers);
    expect(await b.engine.conflicts()).toEqual([]);
    // The statuses 03 of B's tiếp nhận follow in the next rounds.
    await b.engine.runUntilIdle({ maxRounds: 5 });
    expect(b.outbox.counts()).toMatchObject({ failed: 0, pending: 0 });
    expect(listRenumberings(b.db).map((n) => n.via)).toEqual(['inbox', 'inbox', 'inbox']);
    expect(b.store.verifyAudit()).toMatchObject({ ok: true });
  });

  it('in the app (store worker, IPC): tiếp nhận online takes the organization’s numbers; another workstation registering the same documents gets the same ones', async () => {
    const started = await startServer();
    server = started.server;
    // real time: the reference server dates the registration with the real clock.
    const a = openWorkstation({ url: started.url, username: 'vanthu.snv', clock: virtualClock(Date.now()) });
    const app = openApp({
      profileDir: join(tempDir('app'), 'profile'),
      organization: { maDinhDanh: SNV, name: 'Sở Nội vụ tỉnh Demo' },
      syncCredentials: () => ({ username: 'vanthu2.snv', password: 'demo' }),
    });
    // Each answer's value; a refusal throws with its code.
    const { services, value: call } = app;
    try {
      services.settings.update({ server: { url: started.url } });
      // B (the app) pulls the inbox and receives it online; A pulls too and registers them first.
      await call('sync.retryNow', {});
      // B's clerk receives what arrived, once the background check is done (its verdict set aside here).
      await services.arrivals.idle();
      for (const doc of await call('incoming.list', {})) {
        if (doc.state === 'da-den') {
          await services.store.call('incoming.setArrivalCheck', doc.id, PASSED_CHECK, null);
          await call('incoming.transition', { id: doc.id, to: 'da-tiep-nhan' });
        }
      }
      await a.engine.runUntilIdle({ maxRounds: 5 });
      a.receiveArrivals();
      await a.engine.runUntilIdle({ maxRounds: 5 });
      const ids = a.receivedIds();
      const numbers = serverNumbers(started.server, ids);
      // A status that waited for its registration's answer goes in the next round.
      await call('sync.retryNow', {});
      expect(await call('sync.retryNow', {})).toMatchObject({ pending: 0, failed: 0, conflicts: 0 });
      expect(await call('sync.conflicts', {})).toEqual([]);
      const listed = await call('incoming.list', {});
      expect(ids.map((id) => listed.find((d) => d.id === id)?.soDen)).toEqual(numbers);
      // The app's tiếp nhận took the organization's numbers online: nothing to repair on B. A,
      // which had no block and registered with provisional numbers, is given the very numbers
      // allocated to those documents: one number per document across the organization, no renumbering.
      expect(await call('sync.renumberings', {})).toEqual([]);
      await a.engine.runUntilIdle({ maxRounds: 5 });
      expect(ids.map((id) => a.store.getIncoming(id).soDen)).toEqual(numbers);
      expect(listRenumberings(a.db)).toEqual([]);
    } finally {
      await app.close();
    }
  });

  it('a server data directory from before 1.2.0 tells the organization the numbers it already gave', () => {
    const path = join(tempDir('server-old'), 'server.sqlite');
    const old = new Database(path);
    old.exec(`
      create table deliveries (document_id text not null, to_org text not null, primary key (document_id, to_org));
      create table inbox_events (
        seq integer primary key autoincrement, org text not null, kind text not null check (kind in ('document','recall')),
        document_id text not null, created_at integer not null
      );
      create table registrations (
        document_id text not null, org text not null, year integer not null, so_den integer not null,
        ngay_den text not null, change_key text not null, primary key (document_id, org), unique (org, year, so_den)
      );
      insert into deliveries values ('d1', '${SNV}');
      insert into inbox_events (org, kind, document_id, created_at) values ('${SNV}', 'document', 'd1', 1);
      insert into registrations values ('d1', '${SNV}', 2026, 5, '2026-03-02', 'k-0000001');
      insert into registrations values ('paper', '${SNV}', 2026, 6, '2026-03-02', 'k-0000002');
    `);
    old.close();
    const db = openServerDb(path);
    try {
      // Cursors stay valid (seq kept); the delivered document's registration becomes an item, the paper one does not.
      expect(db.prepare('select seq, kind, document_id from inbox_events order by seq').all()).toEqual([
        { seq: 1, kind: 'document', document_id: 'd1' },
        { seq: 2, kind: 'registered', document_id: 'd1' },
      ]);
      // Opening it again changes nothing.
      db.close();
      const again = openServerDb(path);
      expect(again.prepare('select count(*) as n from inbox_events').get()).toEqual({ n: 2 });
      again.close();
    } finally {
      if (db.open) {
        db.close();
      }
    }
  });
});
