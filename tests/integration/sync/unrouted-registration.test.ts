import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { IncomingInputSchema } from '../../../preload/contract/incoming.ts';
import { attachmentPath } from '../../../main/services/store/attachments.ts';
import { runJob } from '../../../main/services/sync/jobs.ts';
import type { ReferenceServer } from '../../../server/app.ts';
import { closeWorkstations, openWorkstation, sha256, startServer, virtualClock } from './support.ts';

const SNV = '000.00.01.H99';

describe('an incoming document that did not come through the trục', () => {
  let server: ReferenceServer | undefined;
  afterEach(async () => {
    closeWorkstations();
    await server?.close();
  });

  it('registers a paper document on the server once, with its metadata and its uploaded file', async () => {
    const clock = virtualClock();
    const started = await startServer({ outage: { startMs: 0, endMs: Number.MAX_SAFE_INTEGER } }, () => clock.ms());
    server = started.server;
    // Outbox only: the paper registration is the one change this workstation has to send.
    const snv = openWorkstation({ url: started.url, username: 'vanthu.snv', clock, pull: false });

    // Offline: the văn thư registers a scanned paper document; the number is provisional.
    const scan = join(snv.dir, 'scan.pdf');
    const bytes = randomBytes(256 * 1024 + 3);
    writeFileSync(scan, bytes);
    const { document } = snv.store.addIncoming(
      IncomingInputSchema.parse({
        tenLoai: 'Công văn',
        so: '45',
        kyHieu: 'UBND-VP',
        ngayBanHanh: '2026-02-27',
        coQuanBanHanh: 'Ủy ban nhân dân huyện Demo',
        trichYeu: 'Về việc báo cáo tình hình văn thư',
        nguoiKy: 'Trần Thị B',
        chucVu: 'Chủ tịch',
        doKhan: 1,
        source: 'giay',
      }),
      // Random bytes, not a real scan: registered with the reason the digitisation check asks for.
      { path: scan, scanReason: 'Bản quét thử của bài kiểm tra' },
    );
    expect(document.soDen).toBeNull();
    await snv.engine.runRound();
    expect(snv.outbox.counts()).toMatchObject({ done: 0, failed: 0 });

    // The server returns; the queue drains.
    started.server.faults.update({ outage: null });
    await snv.engine.runUntilIdle({ maxRounds: 10 });
    expect(snv.outbox.counts()).toMatchObject({ pending: 0, 'in-flight': 0, failed: 0 });

    const db = started.server.db;
    const registration = db.prepare('select org, so_den from registrations where document_id = ?').all(document.id) as {
      org: string;
      so_den: number;
    }[];
    expect(registration).toHaveLength(1);
    expect(registration[0]?.org).toBe(SNV);
    // The server's number replaced the provisional one in the store.
    expect(snv.store.getIncoming(document.id).soDen).toBe(registration[0]?.so_den);
    const kept = db.prepare('select source, metadata from registered_documents where id = ?').all(document.id) as {
      source: string;
      metadata: string;
    }[];
    expect(kept).toHaveLength(1);
    expect(kept[0]?.source).toBe('giay');
    expect(JSON.parse(kept[0]?.metadata ?? '{}')).toMatchObject({
      tenLoai: 'Công văn',
      soKyHieu: '45/UBND-VP',
      ngayBanHanh: '2026-02-27',
      coQuanBanHanh: 'Ủy ban nhân dân huyện Demo',
      trichYeu: 'Về việc báo cáo tình hình văn thư',
      nguoiKy: 'Trần Thị B',
      doKhan: 1,
    });
    const fileSha = document.fileSha256!;
    expect(
      db.prepare('select sha256, size from registered_document_files where document_id = ?').all(document.id),
    ).toEqual([{ sha256: fileSha, size: bytes.length }]);
    expect(sha256(bytes)).toBe(fileSha);
    expect(db.prepare('select size from blobs where sha256 = ?').get(fileSha)).toEqual({ size: bytes.length });

    // The job sent again (a lost answer, a crash before marking it done) changes nothing.
    const [job] = snv.outbox.list({ state: 'done' }).filter((j) => j.kind === 'incoming.register');
    const ctx = {
      api: snv.api,
      files: { pathOf: (hash: string) => attachmentPath(snv.filesDir, hash) },
      onProgress: () => undefined,
      uploads: new Map<string, Promise<void>>(),
    };
    expect(await runJob(ctx, job!)).toMatchObject({ documentId: document.id, soDen: registration[0]?.so_den });
    expect(db.prepare('select count(*) as n from registrations where document_id = ?').get(document.id)).toEqual({
      n: 1,
    });
    expect(db.prepare('select count(*) as n from registered_documents where id = ?').get(document.id)).toEqual({
      n: 1,
    });
  });
});
