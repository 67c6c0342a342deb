import { randomBytes } from 'node:crypto';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { IncomingInputSchema } from '../../../preload/contract/incoming.ts';
import type { ReferenceServer } from '../../../server/app.ts';
import { startRecordingProxy, type RecordingProxy } from '../../support/net/recording-proxy.ts';
import { closeWorkstations, openWorkstation, sha256, startServer, virtualClock, type Workstation } from './support.ts';

/** A paper document with its scan; `marker` is ASCII so it can be looked for in raw request bytes. */
function register(ws: Workstation, marker: string, doMat: number) {
  const scan = join(ws.dir, `${marker}.pdf`);
  const bytes = Buffer.concat([Buffer.from(`%PDF-1.4\n% ${marker}\n`), randomBytes(64 * 1024)]);
  writeFileSync(scan, bytes);
  const { document } = ws.store.addIncoming(
    IncomingInputSchema.parse({
      tenLoai: 'Công văn',
      so: String(40 + doMat),
      kyHieu: 'BCA-A',
      ngayBanHanh: '2026-02-27',
      coQuanBanHanh: 'Công an tỉnh Demo',
      trichYeu: `Ve viec ${marker}`,
      nguoiKy: 'Nguyễn Văn A',
      chucVu: 'Giám đốc',
      doMat,
      source: 'giay',
    }),
    // Random bytes, not a real scan: registered with the reason the digitisation check asks for.
    { path: scan, scanReason: 'Bản quét thử của bài kiểm tra' },
  );
  return { document, bytes, sha: sha256(bytes) };
}

describe('documents marked mật stay on the workstation (#17)', () => {
  let server: ReferenceServer | undefined;
  let proxy: RecordingProxy | undefined;
  afterEach(async () => {
    closeWorkstations();
    await proxy?.close();
    await server?.close();
  });

  it('registers, moves and syncs a Mật document without one byte of it reaching the server', async () => {
    const clock = virtualClock();
    const started = await startServer(undefined, () => clock.ms());
    server = started.server;
    proxy = await startRecordingProxy(started.url);
    const ws = openWorkstation({ url: proxy.url, username: 'vanthu.snv', clock, pull: false });

    const ordinary = register(ws, 'THUONGMARKER7', 0);
    const secret = register(ws, 'MATMARKER9', 1);
    expect(secret.document.soDen ?? secret.document.soDenTam).not.toBeNull();
    // The clerk works the secret one through its steps; the sender hears nothing through the system.
    for (const step of ['da-tiep-nhan', 'da-trinh', 'phan-cong', 'dang-xu-ly', 'hoan-thanh'] as const) {
      ws.store.transitionIncoming(secret.document.id, step);
    }
    await ws.engine.runUntilIdle({ maxRounds: 10 });
    expect(ws.outbox.counts()).toMatchObject({ pending: 0, 'in-flight': 0, failed: 0 });

    // The ordinary document went out: its registration and its file are on the server …
    const db = started.server.db;
    expect(
      db.prepare('select count(*) as n from registrations where document_id = ?').get(ordinary.document.id),
    ).toEqual({ n: 1 });
    const blobs = readdirSync(join(started.dataDir, 'blobs'));
    expect(blobs).toContain(ordinary.sha);
    const sent = proxy.sent();
    expect(sent.includes(Buffer.from('THUONGMARKER7'))).toBe(true);
    // … and nothing of the secret one: not its id, number, trích yếu, hash or bytes, by any route.
    for (const needle of [secret.document.id, 'MATMARKER9', secret.sha]) {
      expect(sent.includes(Buffer.from(needle)), needle).toBe(false);
    }
    expect(sent.includes(secret.bytes.subarray(-4096))).toBe(false);
    expect(blobs).not.toContain(secret.sha);
    expect(db.prepare('select count(*) as n from registrations where document_id = ?').get(secret.document.id)).toEqual(
      { n: 0 },
    );
    // It is registered here all the same, its file kept, its audit entry saying it stayed.
    expect(ws.store.getIncoming(secret.document.id)).toMatchObject({ state: 'hoan-thanh', fileSha256: secret.sha });
    const jobsForIt = ws.db
      .prepare(`select count(*) as n from outbox_jobs where job_key in (?, ?) or payload like ?`)
      .get(secret.document.id, secret.sha, `%${secret.document.id}%`);
    expect(jobsForIt).toEqual({ n: 0 });
    expect(ws.store.verifyAudit()).toMatchObject({ ok: true });
  });

  it('refuses to queue anything for it even when a caller forgets: the database says SECRET_STAYS_LOCAL', () => {
    const ws = openWorkstation({
      url: 'http://127.0.0.1:9',
      username: 'vanthu.snv',
      clock: virtualClock(),
      pull: false,
    });
    const secret = register(ws, 'MATMARKER3', 3);
    const enqueue = (key: string) =>
      ws.outbox.enqueue({
        kind: 'incoming.status',
        key,
        payload: { documentId: secret.document.id, statusCode: '03', reason: null, at: '2026-03-01T00:00:00Z' },
      });
    expect(() => enqueue(secret.document.id)).toThrow(expect.objectContaining({ code: 'SECRET_STAYS_LOCAL' }));
    expect(() =>
      ws.outbox.enqueue({
        kind: 'file.upload',
        key: secret.sha,
        payload: { sha256: secret.sha, size: secret.bytes.byteLength, fileName: 'x.pdf' },
      }),
    ).toThrow(expect.objectContaining({ code: 'SECRET_STAYS_LOCAL' }));
  });
});
