import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { attachmentPath } from '../../../main/services/store/attachments.ts';
import type { ReferenceServer } from '../../../server/app.ts';
import { sha256 } from '../sync/support.ts';
import { closeOfficeWorkstations, drain, pullInbox, startOfficeDay } from './support.ts';

const pdf = (text: string) => Buffer.from(`%PDF-1.7\n% ${text}\n%%EOF\n`);

describe('office conflicts: the world changed while someone worked offline', () => {
  let server: ReferenceServer | undefined;
  afterEach(async () => {
    closeOfficeWorkstations();
    await server?.close();
    server = undefined;
  });

  async function setup() {
    const day = await startOfficeDay();
    server = day.server;
    return day;
  }

  async function openVanThuWithArrivals(open: Awaited<ReturnType<typeof setup>>['open']) {
    const vt = await open('vanthu.snv', true);
    await drain(vt);
    return vt;
  }

  async function submittedDraft(open: Awaited<ReturnType<typeof setup>>['open']) {
    const cv = await open('chuyenvien.snv');
    const ld = await open('lanhdao.snv');
    const caseId = cv.office.newCaseId();
    const draft = cv.putFile(pdf('bản 1'));
    await cv.office.take(caseId, {
      kind: 'draft',
      trichYeu: 'Về việc tổ chức hội nghị',
      tenLoai: 'Công văn',
      files: [{ sha256: draft, name: 'du-thao.pdf', role: 'du-thao' }],
    });
    await cv.office.take(caseId, { kind: 'submit-for-signature', to: 'lanhdao.snv', via: null, draftSha256: draft });
    await drain(cv);
    await pullInbox(ld);
    return { cv, ld, caseId, draft };
  }

  it('the drafter replaced the draft while the leader signed it offline: refused, explained, the signed file kept', async () => {
    const { open } = await setup();
    const { cv, ld, caseId, draft } = await submittedDraft(open);
    // The leader is on the road: signs from the file fetched earlier; nothing is sent yet.
    const signed = ld.putFile(pdf('bản 1 + chữ ký'));
    await ld.office.take(caseId, {
      kind: 'sign',
      draftSha256: draft,
      files: [{ sha256: signed, name: 'da-ky.pdf', role: 'da-ky' }],
    });
    // Meanwhile the drafter replaces the draft.
    const draft2 = cv.putFile(pdf('bản 2'));
    await cv.office.take(caseId, {
      kind: 'draft',
      trichYeu: 'Về việc tổ chức hội nghị',
      tenLoai: 'Công văn',
      files: [{ sha256: draft2, name: 'du-thao-2.pdf', role: 'du-thao' }],
    });
    await drain(cv);
    // Back online.
    await drain(ld);
    const [conflict] = await ld.office.conflicts();
    expect(conflict).toMatchObject({
      caseId,
      stepKind: 'sign',
      code: 'DRAFT_REPLACED',
      keptFiles: [signed],
    });
    expect(conflict?.whatHappened).toBe(
      'Bước "ký duyệt" không được hệ thống chấp nhận: Dự thảo đã được Bùi Thị Ngọc thay bằng bản mới.',
    );
    expect(conflict?.whatCanBeDone).toContain('Mở bản mới, xem lại rồi ký');
    // Nothing lost: the signed file, the step and its job are all still on the leader's workstation.
    expect(sha256(readFileSync(attachmentPath(ld.filesDir, signed)))).toBe(signed);
    const history = await ld.office.case(caseId);
    expect(history.steps.filter((s) => s.origin === 'local').map((s) => s.kind)).toEqual(['sign']);
    expect(ld.store.context.outbox.counts()).toMatchObject({ failed: 1, pending: 0 });
    // The leader was told of the replacement through their inbox too.
    await pullInbox(ld);
    expect((await ld.office.queue())[0]).toMatchObject({ stepKind: 'draft', byName: 'Bùi Thị Ngọc' });
  }, 60_000);

  it('the drafter withdrew the draft: the offline signature is refused as DRAFT_WITHDRAWN, in plain Vietnamese', async () => {
    const { open } = await setup();
    const { cv, ld, caseId, draft } = await submittedDraft(open);
    const signed = ld.putFile(pdf('bản 1 + chữ ký'));
    await ld.office.take(caseId, {
      kind: 'sign',
      draftSha256: draft,
      files: [{ sha256: signed, name: 'da-ky.pdf', role: 'da-ky' }],
    });
    await cv.office.take(caseId, { kind: 'withdraw-draft', reason: 'Không tổ chức hội nghị nữa.' });
    await drain(cv);
    await drain(ld);
    const [conflict] = await ld.office.conflicts();
    expect(conflict).toMatchObject({ code: 'DRAFT_WITHDRAWN', keptFiles: [signed] });
    expect(conflict?.whatHappened).toContain('Dự thảo đã được Bùi Thị Ngọc rút lại.');
    expect(conflict?.whatCanBeDone).toContain('không cần ký nữa');
  }, 60_000);

  it('another leader directed the document first: ALREADY_DIRECTED names them; the late ý kiến stays local', async () => {
    const { open } = await setup();
    const vt = await open('vanthu.snv');
    const ld = await open('lanhdao.snv');
    const ld2 = await open('lanhdao2.snv');
    const caseId = vt.office.newCaseId();
    const file = vt.putFile(pdf('công văn giấy đã quét'));
    await vt.office.take(caseId, {
      kind: 'submit',
      to: 'lanhdao.snv',
      document: {
        soKyHieu: '31/UBND-VP',
        trichYeu: 'Về việc rà soát biên chế',
        coQuanBanHanh: 'UBND tỉnh',
        soDen: 12,
        ngayDen: null,
        trucDocumentId: null,
      },
      files: [{ sha256: file, name: 'van-ban.pdf', role: 'van-ban' }],
    });
    await drain(vt);
    await ld2.office.take(caseId, {
      kind: 'assign',
      yKien: 'Phòng Tổ chức xử lý.',
      chuTri: 'chuyenvien2.snv',
      phoiHop: [],
      hanXuLy: null,
    });
    await ld.office.take(caseId, {
      kind: 'assign',
      yKien: 'Giao chuyên viên Ngọc.',
      chuTri: 'chuyenvien.snv',
      phoiHop: [],
      hanXuLy: null,
    });
    await drain(ld);
    await drain(ld2);
    const [conflict] = await ld2.office.conflicts();
    expect(conflict).toMatchObject({ code: 'ALREADY_DIRECTED', stepKind: 'assign' });
    expect(conflict?.whatHappened).toContain('Văn bản đã được Hoàng Văn Nam chỉ đạo trước.');
    const history = await ld2.office.case(caseId);
    expect(history.steps.find((s) => s.origin === 'local')?.body).toMatchObject({ yKien: 'Phòng Tổ chức xử lý.' });
  }, 60_000);

  it('a document marked mật is never presented through the server, whatever the case id', async () => {
    const { open } = await setup();
    const vt = await openVanThuWithArrivals(open);
    const doc = vt.db
      .prepare(`select id, file_sha256 as sha256 from incoming_documents where source = 'truc' order by id limit 1`)
      .get() as { id: string; sha256: string };
    vt.db.prepare('update incoming_documents set do_mat = 1 where id = ?').run(doc.id);
    const document = { soKyHieu: '1/UBND', trichYeu: 'Mật', coQuanBanHanh: 'UBND tỉnh', soDen: 1, ngayDen: null };
    const files = [{ sha256: doc.sha256, name: 'van-ban.pdf', role: 'van-ban' as const }];
    await expect(
      vt.office.take(doc.id, {
        kind: 'submit',
        to: 'lanhdao.snv',
        document: { ...document, trucDocumentId: doc.id },
        files,
      }),
    ).rejects.toMatchObject({ code: 'SECRET_STAYS_LOCAL' });
    await expect(
      vt.office.take(vt.office.newCaseId(), {
        kind: 'submit',
        to: 'lanhdao.snv',
        document: { ...document, trucDocumentId: null },
        files,
      }),
    ).rejects.toMatchObject({ code: 'SECRET_STAYS_LOCAL' });
    expect(vt.db.prepare(`select count(*) from outbox_jobs where kind = 'office.step'`).pluck().get()).toBe(0);
    expect(vt.db.prepare('select count(*) from office_steps').pluck().get()).toBe(0);
  }, 60_000);

  it('roles: main refuses a step the person cannot take; the server refuses it again with 403 and a problem body', async () => {
    const { open } = await setup();
    const cv = await open('chuyenvien.snv');
    await expect(
      cv.office.take('any-case', { kind: 'assign', yKien: '', chuTri: 'chuyenvien.snv', phoiHop: [], hanXuLy: null }),
    ).rejects.toMatchObject({
      code: 'ROLE_NOT_ALLOWED',
      message: expect.stringContaining('Chỉ Lãnh đạo được chỉ đạo, phân công.'),
    });
    expect(cv.store.context.outbox.counts().pending).toBe(0);
    // A workstation that skipped the check (or a stale role) meets the server's.
    const refused = await cv.api.call(
      {
        method: 'POST',
        path: '/v1/office/cases/any-case/steps',
        headers: { 'idempotency-key': 'role-test-0001' },
        json: {
          kind: 'sign',
          draftSha256: 'a'.repeat(64),
          files: [{ sha256: 'a'.repeat(64), name: 'x.pdf', role: 'da-ky' }],
        },
      },
      () => true,
    );
    expect(refused.status).toBe(403);
    expect(refused.data).toMatchObject({ status: 403, code: 'ROLE_FORBIDDEN', detail: 'Chỉ Lãnh đạo được ký duyệt.' });
  }, 60_000);
});
