import { afterEach, describe, expect, it } from 'vitest';
import type { ReferenceServer } from '../../../server/app.ts';
import { closeOfficeWorkstations, drain, pullInbox, SNV, type OfficeWorkstation, startOfficeDay } from './support.ts';

describe('office steps exactly once under faults (errors, lost answers, resets)', () => {
  let server: ReferenceServer | undefined;
  afterEach(async () => {
    closeOfficeWorkstations();
    await server?.close();
    server = undefined;
  });

  it('an incoming document and a draft travel through 30% errors and 30% resets: every step applied and delivered once', async () => {
    const { started, open } = await startOfficeDay();
    server = started.server;
    const vt = await open('vanthu.snv', true);
    const ld = await open('lanhdao.snv');
    const cv = await open('chuyenvien.snv');
    started.server.faults.update({ errorRate: 0.3, resetRate: 0.3, seed: 16 });

    await drain(vt);
    const doc = vt.db
      .prepare(
        `select id, so || '/' || ky_hieu as soKyHieu, trich_yeu as trichYeu, co_quan_ban_hanh as coQuanBanHanh, file_sha256 as sha256 from incoming_documents where source = 'truc' order by id limit 1`,
      )
      .get() as { id: string; soKyHieu: string; trichYeu: string; coQuanBanHanh: string; sha256: string };
    const big = Buffer.alloc(3 * 1024 * 1024, 7); // resets cut its upload and download mid-body
    const draft = cv.putFile(Buffer.concat([Buffer.from('%PDF-1.7\n'), big]));
    const caseId = cv.office.newCaseId();

    await vt.office.take(doc.id, {
      kind: 'submit',
      to: 'lanhdao.snv',
      document: { ...doc, soDen: null, ngayDen: null, trucDocumentId: doc.id },
      files: [{ sha256: doc.sha256, name: 'van-ban.pdf', role: 'van-ban' }],
    });
    await cv.office.take(caseId, {
      kind: 'draft',
      trichYeu: 'Báo cáo quý',
      tenLoai: 'Báo cáo',
      files: [{ sha256: draft, name: 'du-thao.pdf', role: 'du-thao' }],
    });
    await cv.office.take(caseId, { kind: 'submit-for-signature', to: 'lanhdao.snv', via: null, draftSha256: draft });
    await drain(vt);
    await drain(cv);
    await pullInbox(ld);
    await ld.office.take(doc.id, {
      kind: 'assign',
      yKien: 'Chuyên viên Ngọc xử lý.',
      chuTri: 'chuyenvien.snv',
      phoiHop: [],
      hanXuLy: null,
    });
    const signed = ld.putFile(Buffer.concat([Buffer.from('%PDF-1.7\n% ký\n'), big]));
    await ld.office.take(caseId, {
      kind: 'sign',
      draftSha256: draft,
      files: [{ sha256: signed, name: 'da-ky.pdf', role: 'da-ky' }],
    });
    await drain(ld);
    await pullInbox(cv);
    await cv.office.take(doc.id, { kind: 'progress', note: 'Đang xử lý.' });
    await cv.office.take(doc.id, { kind: 'complete', note: 'Xong.' });
    await drain(cv);
    for (const ws of [vt, ld, cv]) {
      await pullInbox(ws);
      // A later pull settles files a reset left behind.
      while ((await ws.office.queue()).some((entry) => !entry.filesReady)) {
        await pullInbox(ws);
      }
    }

    const all: OfficeWorkstation[] = [vt, ld, cv];
    for (const ws of all) {
      expect(ws.store.context.outbox.counts()).toMatchObject({ pending: 0, 'in-flight': 0, failed: 0 });
    }
    // The faults did bite: some step was sent more than once (its answer lost or refused with 503).
    const retried = all
      .flatMap((ws) => ws.store.context.outbox.list({ state: 'done' }))
      .filter((job) => job.attempts > 0);
    expect(retried.filter((job) => job.kind === 'office.step').length).toBeGreaterThan(0);
    const localSteps = all.flatMap(
      (ws) => ws.db.prepare(`select id from office_steps where origin = 'local'`).pluck().all() as string[],
    );
    const db = started.server.db;
    const serverSteps = db.prepare('select step_id from office_steps order by seq').pluck().all() as string[];
    expect(serverSteps.sort()).toEqual([...localSteps].sort());
    expect(
      db
        .prepare('select count(*) from (select username, step_seq from office_inbox group by 1, 2 having count(*) > 1)')
        .pluck()
        .get(),
    ).toBe(0);
    const codes = db
      .prepare(`select code from statuses where document_id = ? and org = ? order by id`)
      .pluck()
      .all(doc.id, SNV);
    expect(codes).toEqual(['04', '05', '06']);
    for (const [ws, username] of [
      [vt, 'vanthu.snv'],
      [ld, 'lanhdao.snv'],
      [cv, 'chuyenvien.snv'],
    ] as const) {
      const queue = await ws.office.queue();
      const routed = db.prepare('select count(*) from office_inbox where username = ?').pluck().get(username);
      expect(queue).toHaveLength(routed as number);
      expect(new Set(queue.map((e) => e.stepId)).size).toBe(queue.length);
      expect(queue.every((e) => e.filesReady)).toBe(true);
    }
    expect((await vt.office.queue()).map((e) => e.stepKind).sort()).toEqual(['assign', 'complete', 'sign']);
  }, 120_000);
});
