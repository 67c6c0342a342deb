import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { attachmentPath } from '../../../main/services/store/attachments.ts';
import type { ReferenceServer } from '../../../server/app.ts';
import { openWorkstation, sha256, startServer, virtualClock, type Workstation } from './support.ts';

const SNV = '000.00.01.H99';
const STC = '000.00.02.H99';
const UBND = '000.00.00.H99';

describe('a full day against the reference server', () => {
  let server: ReferenceServer | undefined;
  afterEach(async () => {
    await server?.close();
  });

  function inboxIds(ws: Workstation): string[] {
    return (
      ws.db.prepare('select document_id from test_inbox order by document_id').all() as { document_id: string }[]
    ).map((r) => r.document_id);
  }

  it('pulls the inbox, registers, reports status, publishes, reads receipts and recalls', async () => {
    const clock = virtualClock();
    const started = await startServer(undefined, () => clock.ms());
    server = started.server;
    const snv = openWorkstation({ url: started.url, username: 'vanthu.snv', clock });
    const stc = openWorkstation({ url: started.url, username: 'vanthu.stc', clock });

    // Morning: the inbox arrives with its files, verified by hash.
    await snv.engine.runUntilIdle({ maxRounds: 5 });
    const incoming = inboxIds(snv);
    expect(incoming).toHaveLength(3);
    // The directory of recipients came with it.
    expect(snv.db.prepare('select ten from test_directory where ma_dinh_danh = ?').get(STC)).toEqual({
      ten: 'Sở Tài chính tỉnh Demo',
    });
    const first = JSON.parse(
      (snv.db.prepare('select body from test_inbox where document_id = ?').get(incoming[0]) as { body: string }).body,
    ) as { files: { sha256: string }[] };
    const file = first.files[0]!;
    expect(sha256(readFileSync(attachmentPath(snv.filesDir, file.sha256)))).toBe(file.sha256);

    // Register two (one with a leased number, one left for the server to number), accept, return one.
    const [a, b, c] = incoming as [string, string, string];
    const base = {
      registerId: 'r',
      soDenTam: null,
      maDinhDanhVanBan: null,
      soKyHieu: 'x',
      coQuanBanHanh: UBND,
      trichYeu: 't',
      fileSha256: null,
    };
    snv.outbox.enqueue({
      kind: 'incoming.register',
      key: a,
      payload: { ...base, documentId: a, soDen: 1, ngayDen: '2026-03-02' },
    });
    snv.outbox.enqueue({
      kind: 'incoming.register',
      key: b,
      payload: { ...base, documentId: b, soDen: null, soDenTam: 1, ngayDen: '2026-03-02' },
    });
    snv.outbox.enqueue({
      kind: 'incoming.status',
      key: a,
      payload: { documentId: a, statusCode: '03', reason: null, at: '2026-03-02T08:10:00Z' },
    });
    snv.outbox.enqueue({
      kind: 'incoming.status',
      key: c,
      payload: { documentId: c, statusCode: '02', reason: 'Gửi nhầm cơ quan', at: '2026-03-02T08:11:00Z' },
    });

    // Afternoon: an outgoing document, signed file uploaded, published to two recipients.
    const signed = randomBytes(3 * 1024 * 1024 + 17);
    const signedSha = snv.putFile(signed);
    const outgoingId = '0195f0a0-0000-7000-8000-000000000001';
    const mdd = `${SNV},2026/03/02,15/SNV-VP`;
    snv.outbox.enqueue({
      kind: 'file.upload',
      key: signedSha,
      payload: { sha256: signedSha, size: signed.length, fileName: 'congvan15.pdf' },
    });
    snv.outbox.enqueue({
      kind: 'outgoing.publish',
      key: outgoingId,
      payload: {
        documentId: outgoingId,
        maDinhDanhVanBan: mdd,
        recipients: [
          { maDinhDanh: STC, ten: 'STC' },
          { maDinhDanh: UBND, ten: 'UBND' },
        ],
        signedSha256: signedSha,
      },
    });
    await snv.engine.runUntilIdle({ maxRounds: 10 });
    expect(snv.outbox.counts()).toMatchObject({ pending: 0, 'in-flight': 0, failed: 0, done: 6 });
    // Progress of the upload reached the whole file.
    expect(snv.progress.filter((p) => p.direction === 'upload' && p.sha256 === signedSha).at(-1)).toMatchObject({
      done: signed.length,
      total: signed.length,
    });
    const db = started.server.db;
    expect(db.prepare('select so_den from registrations where document_id = ?').get(a)).toEqual({ so_den: 1 });
    expect(db.prepare('select so_den from registrations where document_id = ?').get(b)).toEqual({ so_den: 2 });
    expect(db.prepare('select code, reason from statuses where document_id = ?').get(c)).toEqual({
      code: '02',
      reason: 'Gửi nhầm cơ quan',
    });

    // The recipient receives the document with the exact bytes, and answers 01.
    await stc.engine.runUntilIdle({ maxRounds: 5 });
    expect(inboxIds(stc)).toContain(outgoingId);
    expect(sha256(readFileSync(attachmentPath(stc.filesDir, signedSha)))).toBe(signedSha);
    stc.outbox.enqueue({
      kind: 'incoming.status',
      key: outgoingId,
      payload: { documentId: outgoingId, statusCode: '01', reason: null, at: '2026-03-02T14:00:00Z' },
    });
    await stc.engine.runUntilIdle({ maxRounds: 5 });
    expect(stc.outbox.counts().done).toBe(1);

    // Recall: the recipient's later status becomes a conflict with a resolution, never dropped.
    snv.outbox.enqueue({
      kind: 'outgoing.recall',
      key: outgoingId,
      payload: { documentId: outgoingId, maDinhDanhVanBan: mdd, reason: 'Sai trích yếu' },
    });
    await snv.engine.runUntilIdle({ maxRounds: 5 });
    stc.outbox.enqueue({
      kind: 'incoming.status',
      key: outgoingId,
      payload: { documentId: outgoingId, statusCode: '05', reason: null, at: '2026-03-02T15:00:00Z' },
    });
    await stc.engine.runUntilIdle({ maxRounds: 5 });
    const conflicts = await stc.engine.conflicts();
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]).toMatchObject({ kind: 'conflict', code: 'DOCUMENT_RECALLED', documentKey: outgoingId });
    expect(conflicts[0]?.resolution).toMatch(/thu hồi/);
    expect(await stc.engine.status()).toMatchObject({ conflicts: 1, pending: 0, connection: 'online' });
    expect(stc.db.prepare('select recalled from test_inbox where document_id = ?').get(outgoingId)).toEqual({
      recalled: 1,
    });
    // Receipts as the sender sees them, through the API.
    const receipts = await snv.api.recipients(outgoingId);
    expect(receipts.map((r) => [r.maDinhDanh, r.latest?.code ?? null])).toEqual([
      [UBND, null],
      [STC, '01'],
    ]);
  });

  it('works offline: changes wait in the outbox and go out once the server is back (outbox only, as in the app)', async () => {
    const clock = virtualClock();
    const started = await startServer(undefined, () => clock.ms());
    server = started.server;
    const snv = openWorkstation({ url: started.url, username: 'vanthu.snv', clock });
    await snv.engine.runUntilIdle({ maxRounds: 5 });
    const [a] = inboxIds(snv) as [string];
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
    expect(outboxOnly.outbox.counts()).toMatchObject({ pending: 0, done: 1 });
    expect((await outboxOnly.engine.status()).connection).toBe('online');
    expect(started.server.db.prepare('select count(*) as n from statuses').get()).toEqual({ n: 1 });
  });

  it('surfaces a number already used and a document registered elsewhere as conflicts with a resolution', async () => {
    const clock = virtualClock();
    const started = await startServer(undefined, () => clock.ms());
    server = started.server;
    const one = openWorkstation({ url: started.url, username: 'vanthu.snv', clock });
    const two = openWorkstation({ url: started.url, username: 'vanthu2.snv', clock });
    await one.engine.runUntilIdle({ maxRounds: 5 });
    await two.engine.runUntilIdle({ maxRounds: 5 });
    const [a, b] = inboxIds(one) as [string, string];
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
