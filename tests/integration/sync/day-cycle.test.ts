import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { OutgoingInputSchema } from '../../../preload/contract/outgoing.ts';
import { attachmentPath } from '../../../main/services/store/attachments.ts';
import { createRegisterLeaseSink } from '../../../main/services/sync/lease-adapter.ts';
import type { ReferenceServer } from '../../../server/app.ts';
import { closeWorkstations, openWorkstation, sha256, startServer, virtualClock } from './support.ts';
import { vietnamYear } from '../../../main/domain/vietnam-time.ts';

const SNV = '000.00.01.H99';
const STC = '000.00.02.H99';
const UBND = '000.00.00.H99';

describe('a full day against the reference server', () => {
  let server: ReferenceServer | undefined;
  afterEach(async () => {
    closeWorkstations();
    await server?.close();
  });

  it('pulls the inbox into the store, registers, reports status, publishes, reads receipts and recalls', async () => {
    const clock = virtualClock();
    const started = await startServer(undefined, () => clock.ms());
    server = started.server;
    const snv = openWorkstation({ url: started.url, username: 'vanthu.snv', clock });
    const stc = openWorkstation({
      url: started.url,
      username: 'vanthu.stc',
      clock,
      // STC's register of outgoing numbers is leased from the server, as in the app.
      leases: (_db, store) => {
        // The register the store numbers from: this year's by the store's own clock, whatever year that is.
        const register = store.context.registers.ensure({
          maDinhDanh: STC,
          kind: 'di',
          year: vietnamYear(store.context.clock()),
        });
        return createRegisterLeaseSink(store.context.registers, () => [register.id], 'ws-stc');
      },
    });

    // Morning: the inbox arrives in the store as đã đến from the trục, files verified by hash; the
    // clerk receives them, which numbers them (provisionally, no lease) and registers them on the
    // server, which gives the final numbers.
    await snv.engine.runUntilIdle({ maxRounds: 5 });
    expect(snv.registrationJobIds()).toEqual([]);
    const incoming = snv.receivedIds();
    expect(incoming).toHaveLength(3);
    // The third is left in đã đến, to be returned below: it never enters the sổ.
    const [a, , c] = incoming as [string, string, string];
    snv.receiveArrivals([c]);
    await snv.engine.runUntilIdle({ maxRounds: 5 });
    const db = started.server.db;
    for (const id of incoming.filter((id) => id !== c)) {
      const doc = snv.store.getIncoming(id);
      expect(doc).toMatchObject({ state: 'da-tiep-nhan', source: 'truc', coQuanBanHanh: 'Ủy ban nhân dân tỉnh Demo' });
      expect(sha256(readFileSync(attachmentPath(snv.filesDir, doc.fileSha256!)))).toBe(doc.fileSha256);
      const registered = db.prepare('select so_den from registrations where document_id = ?').get(id) as {
        so_den: number;
      };
      expect(doc.soDen).toBe(registered.so_den);
    }
    expect(snv.store.getIncoming(c)).toMatchObject({ soDen: null, soDenTam: null, state: 'da-den' });
    // Two registrations and two statuses 03 (đã tiếp nhận).
    expect(snv.outbox.counts()).toMatchObject({ pending: 0, failed: 0, done: 4 });
    // The directory of recipients came with it, into the store's organizations.
    expect(snv.store.searchOrganizations('so tai chinh')[0]).toMatchObject({ maDinhDanh: STC, nguon: 'directory' });
    // A second pull changes nothing: the cursor was kept with the documents.
    await snv.engine.runRound();
    expect(snv.receivedIds()).toHaveLength(3);

    // The clerk accepted one (above) and returns another with a reason; the store queues the statuses.
    snv.store.transitionIncoming(c, 'tra-lai', 'Gửi nhầm cơ quan');
    await snv.engine.runUntilIdle({ maxRounds: 5 });
    expect(db.prepare('select code, reason from statuses where document_id = ?').get(c)).toEqual({
      code: '02',
      reason: 'Gửi nhầm cơ quan',
    });
    expect(db.prepare('select count(*) as n from statuses where document_id = ?').get(a)).toEqual({ n: 1 });

    // Afternoon: STC issues an outgoing document through its store (number from a lease), signed,
    // sealed and published to SNV and UBND; the upload's progress reaches the whole file.
    await stc.engine.runUntilIdle({ maxRounds: 5 });
    const pdf = join(stc.dir, 'cong-van.pdf');
    const signed = randomBytes(3 * 1024 * 1024 + 17);
    writeFileSync(pdf, signed);
    const draft = stc.store.createOutgoing(
      OutgoingInputSchema.parse({
        tenLoai: 'Công văn',
        kyHieu: 'STC-VP',
        trichYeu: 'Về việc quyết toán năm 2025',
        coQuanBanHanh: 'Sở Tài chính tỉnh Demo',
        recipients: [
          { maDinhDanh: SNV, ten: 'Sở Nội vụ' },
          { maDinhDanh: UBND, ten: 'UBND tỉnh' },
        ],
      }),
    );
    stc.store.submitOutgoing(draft.id);
    stc.store.markSigned(draft.id, pdf);
    stc.store.issueNumber(draft.id);
    stc.store.markSealed(draft.id, pdf);
    const published = stc.store.publishOutgoing(draft.id);
    await stc.engine.runUntilIdle({ maxRounds: 10 });
    expect(stc.outbox.counts()).toMatchObject({ pending: 0, 'in-flight': 0, failed: 0 });
    const signedSha = published.fileSha256!;
    expect(stc.progress.filter((p) => p.direction === 'upload' && p.sha256 === signedSha).at(-1)).toMatchObject({
      done: signed.length,
      total: signed.length,
    });

    // SNV receives it with the exact bytes, and accepts it (status reported to STC).
    await snv.engine.runUntilIdle({ maxRounds: 5 });
    expect(snv.receivedIds()).toContain(draft.id);
    expect(sha256(readFileSync(attachmentPath(snv.filesDir, signedSha)))).toBe(signedSha);
    snv.receiveArrivals();
    await snv.engine.runUntilIdle({ maxRounds: 5 });

    // STC's next round brings the recipients' statuses into its store.
    await stc.engine.runRound();
    const recipients = stc.store.getOutgoing(draft.id).recipients;
    expect(recipients.find((r) => r.maDinhDanh === SNV)?.statusCode).not.toBeNull();
    expect(recipients.find((r) => r.maDinhDanh === UBND)?.statusCode).toBeNull();

    // Recall: SNV's copy leaves the workflow with the reason; a later status becomes a conflict.
    stc.store.recallOutgoing(draft.id, 'Sai trích yếu');
    await stc.engine.runUntilIdle({ maxRounds: 5 });
    // Trình sends no status (vn-rules §4.5 has no code for it); phân công sends 04, which the
    // server refuses once the document is recalled.
    snv.store.transitionIncoming(draft.id, 'da-trinh');
    snv.store.transitionIncoming(draft.id, 'phan-cong');
    await snv.engine.runUntilIdle({ maxRounds: 5 });
    expect(snv.store.getIncoming(draft.id).state).toBe('thu-hoi');
    expect(snv.store.getIncoming(draft.id).yKien).toMatch(/Sai trích yếu/);
    const conflicts = await snv.engine.conflicts();
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]).toMatchObject({ kind: 'conflict', code: 'DOCUMENT_RECALLED', documentKey: draft.id });
    expect(conflicts[0]?.resolution).toMatch(/thu hồi/);
    expect(await snv.engine.status()).toMatchObject({ conflicts: 1, pending: 0, connection: 'online' });
    // SNV answered the recall (15 đồng ý thu hồi); STC's store shows the answer.
    expect(
      db.prepare('select code from statuses where document_id = ? order by id desc limit 1').get(draft.id),
    ).toEqual({
      code: '15',
    });
    await stc.engine.runRound();
    expect(stc.store.getOutgoing(draft.id).recipients.find((r) => r.maDinhDanh === SNV)).toMatchObject({
      recallCode: '15',
    });
  });

  it('works offline: changes wait in the outbox and go out once the server is back (outbox only, as in the app)', async () => {
    const clock = virtualClock();
    const started = await startServer(undefined, () => clock.ms());
    server = started.server;
    const snv = openWorkstation({ url: started.url, username: 'vanthu.snv', clock });
    await snv.engine.runUntilIdle({ maxRounds: 5 });
    snv.receiveArrivals();
    await snv.engine.runUntilIdle({ maxRounds: 5 });
    const statusesBefore = (started.server.db.prepare('select count(*) as n from statuses').get() as { n: number }).n;
    const [a] = snv.receivedIds() as [string];
    const outboxOnly = openWorkstation({ url: started.url, username: 'vanthu.snv', clock, dir: snv.dir, pull: false });
    // Two hours of outage starting now, lived through in simulated time.
    started.server.faults.update({ outage: { startMs: clock.ms(), endMs: clock.ms() + 2 * 3_600_000 } });
    outboxOnly.outbox.enqueue(
      {
        kind: 'incoming.status',
        key: a,
        payload: { documentId: a, statusCode: '03', reason: null, at: '2026-03-02T08:10:00Z' },
      },
      clock.now(),
    );
    await outboxOnly.engine.runRound();
    expect(await outboxOnly.engine.status()).toMatchObject({ connection: 'offline', pending: 1 });
    await outboxOnly.engine.runUntilIdle({ maxRounds: 200 });
    expect(clock.ms()).toBeGreaterThan(started.server.faults.config().outage!.endMs);
    // Done: the status queued here (the morning's registrations and statuses went before the outage).
    expect(outboxOnly.outbox.counts()).toMatchObject({ pending: 0, failed: 0 });
    expect((await outboxOnly.engine.status()).connection).toBe('online');
    expect(started.server.db.prepare('select count(*) as n from registrations').get()).toEqual({ n: 3 });
    expect(started.server.db.prepare('select count(*) as n from statuses').get()).toEqual({ n: statusesBefore + 1 });
  });

  it('surfaces a number already used and a document registered elsewhere as conflicts with a resolution', async () => {
    const clock = virtualClock();
    const started = await startServer(undefined, () => clock.ms());
    server = started.server;
    // Outbox only: the registrations are queued by hand to choose the numbers.
    const one = openWorkstation({ url: started.url, username: 'vanthu.snv', clock, pull: false });
    const two = openWorkstation({ url: started.url, username: 'vanthu2.snv', clock, pull: false });
    const [a, b] = (
      started.server.db
        .prepare('select document_id from deliveries where to_org = ? order by document_id')
        .all(SNV) as {
        document_id: string;
      }[]
    ).map((row) => row.document_id) as [string, string];
    const register = (documentId: string, soDen: number) => ({
      kind: 'incoming.register' as const,
      key: documentId,
      payload: {
        documentId,
        registerId: 'r',
        soDen,
        soDenTam: null,
        ngayDen: '2026-03-02',
        maDinhDanhVanBan: null,
        soKyHieu: 'x',
        coQuanBanHanh: UBND,
        trichYeu: 't',
        fileSha256: null,
      },
    });
    one.outbox.enqueue(register(a, 7), clock.now());
    await one.engine.runUntilIdle({ maxRounds: 5 });
    // The second workstation registers the same document, and another one with a number already used.
    two.outbox.enqueue(register(a, 8), clock.now());
    two.outbox.enqueue(register(b, 7), clock.now());
    await two.engine.runUntilIdle({ maxRounds: 5 });
    const conflicts = await two.engine.conflicts();
    expect(conflicts.map((c) => [c.documentKey, c.code]).sort()).toEqual(
      [
        [a, 'ALREADY_REGISTERED'],
        [b, 'NUMBER_TAKEN'],
      ].sort(),
    );
    expect(conflicts.find((c) => c.code === 'NUMBER_TAKEN')?.resolution).toMatch(/lấy số mới/);
    expect(conflicts.every((c) => c.kind === 'conflict')).toBe(true);
    expect(await two.engine.status()).toMatchObject({ conflicts: 2, pending: 0 });
  });

  it('two workstations of one organization both receive the inbox: the second takes the numbers the first gave', async () => {
    const clock = virtualClock();
    const started = await startServer(undefined, () => clock.ms());
    server = started.server;
    const one = openWorkstation({ url: started.url, username: 'vanthu.snv', clock });
    const two = openWorkstation({ url: started.url, username: 'vanthu2.snv', clock });
    await one.engine.runUntilIdle({ maxRounds: 5 });
    await two.engine.runUntilIdle({ maxRounds: 5 });
    expect(two.receivedIds()).toEqual(one.receivedIds());
    // Registered by the first: the second numbers nothing and sends nothing (tests/integration/sync/registered-elsewhere).
    expect(two.receivedIds().map((id) => two.store.getIncoming(id).soDen)).toEqual(
      one.receivedIds().map((id) => one.store.getIncoming(id).soDen),
    );
    expect(two.registrationJobIds()).toEqual([]);
    expect(await two.engine.conflicts()).toEqual([]);
  });

  it('a refused login asks for a new login and keeps the change queued', async () => {
    const clock = virtualClock();
    const started = await startServer(undefined, () => clock.ms());
    server = started.server;
    const ws = openWorkstation({ url: started.url, username: 'vanthu.snv', password: 'sai', clock, pull: false });
    const { document_id: documentId } = started.server.db
      .prepare('select document_id from deliveries where to_org = ? limit 1')
      .get(SNV) as { document_id: string };
    ws.outbox.enqueue(
      {
        kind: 'incoming.status',
        key: documentId,
        payload: { documentId, statusCode: '01', reason: null, at: '2026-03-02T08:00:00Z' },
      },
      clock.now(),
    );
    await ws.engine.runRound();
    expect(await ws.engine.status()).toMatchObject({ authRequired: true, pending: 1, failed: 0, conflicts: 0 });
  });
});
