import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { attachmentPath } from '../../../main/services/store/attachments.ts';
import { ApiClient } from '../../../main/services/sync/api-client.ts';
import { createAxiosTransport } from '../../../main/services/sync/transport.ts';
import type { ReferenceServer } from '../../../server/app.ts';
import { DEMO_PASSWORD } from '../../../server/seed.ts';
import { sha256 } from '../sync/support.ts';
import { closeOfficeWorkstations, drain, pullInbox, SNV, type OfficeWorkstation, startOfficeDay } from './support.ts';

const pdf = (text: string) => Buffer.from(`%PDF-1.7\n% ${text}\n%%EOF\n`);

/** The first document the trục delivered to the văn thư's workstation, as stored there. */
function firstArrival(vt: OfficeWorkstation) {
  return vt.db
    .prepare(
      `select id, so || '/' || ky_hieu as soKyHieu, trich_yeu as trichYeu, co_quan_ban_hanh as coQuanBanHanh,
              so_den as soDen, ngay_den as ngayDen, file_sha256 as sha256
       from incoming_documents where source = 'truc' order by id limit 1`,
    )
    .get() as {
    id: string;
    soKyHieu: string;
    trichYeu: string;
    coQuanBanHanh: string;
    soDen: number | null;
    ngayDen: string;
    sha256: string;
  };
}

describe('the office across workstations (reference server, three profiles)', () => {
  let server: ReferenceServer | undefined;
  afterEach(async () => {
    closeOfficeWorkstations();
    await server?.close();
    server = undefined;
  });

  it('incoming: văn thư trình → lãnh đạo phân công → chuyên viên hoàn thành; 04/05/06 reach the sender', async () => {
    const { clock, started, open } = await startOfficeDay();
    server = started.server;
    const vt = await open('vanthu.snv', true);
    const ld = await open('lanhdao.snv');
    const cv = await open('chuyenvien.snv');
    expect(ld.people.current()).toMatchObject({ roles: ['lanh-dao'], mode: 'online', fullName: 'Hoàng Văn Nam' });

    await drain(vt); // the trục's arrivals
    const doc = firstArrival(vt);
    await vt.office.take(doc.id, {
      kind: 'submit',
      to: 'lanhdao.snv',
      document: { ...doc, trucDocumentId: doc.id },
      files: [{ sha256: doc.sha256, name: 'van-ban.pdf', role: 'van-ban' }],
    });
    expect(vt.wakes()).toBe(1);
    await drain(vt);

    await pullInbox(ld);
    const [presented] = await ld.office.queue();
    expect(presented).toMatchObject({ caseId: doc.id, stepKind: 'submit', byName: 'Nguyễn Thị Lan', filesReady: true });
    expect(ld.notices).toHaveLength(1);
    // The file is in the leader's own store: readable offline.
    expect(sha256(readFileSync(attachmentPath(ld.filesDir, doc.sha256)))).toBe(doc.sha256);

    await ld.office.take(doc.id, {
      kind: 'assign',
      yKien: 'Giao Phòng Tổ chức chủ trì, báo cáo trước hạn.',
      chuTri: 'chuyenvien.snv',
      phoiHop: ['chuyenvien2.snv'],
      hanXuLy: '2026-12-20', // fixed-date: a deadline is data here, never compared with today
    });
    await drain(ld);
    await pullInbox(cv);
    const [assigned] = await cv.office.queue();
    expect(assigned).toMatchObject({ caseId: doc.id, stepKind: 'assign', caseState: 'phan-cong', filesReady: true });
    expect(assigned?.body).toMatchObject({
      chuTri: 'chuyenvien.snv',
      yKien: 'Giao Phòng Tổ chức chủ trì, báo cáo trước hạn.',
    });
    expect(sha256(readFileSync(attachmentPath(cv.filesDir, doc.sha256)))).toBe(doc.sha256);

    await cv.office.take(doc.id, { kind: 'progress', note: 'Đã họp phòng, đang dự thảo báo cáo.' });
    await cv.office.take(doc.id, { kind: 'complete', note: 'Đã gửi báo cáo.' });
    await drain(cv);
    await pullInbox(ld);
    await pullInbox(vt);
    expect((await ld.office.queue()).map((e) => e.stepKind)).toEqual(['complete', 'progress', 'submit']);
    expect((await vt.office.queue()).map((e) => e.stepKind)).toEqual(['complete', 'assign']);

    // The sender organization (UBND) sees 04, 05 and 06 from Sở Nội vụ.
    const sender = new ApiClient(
      createAxiosTransport({ baseUrl: started.url }),
      () => ({ username: 'vanthu.ubnd', password: DEMO_PASSWORD }),
      () => clock.now(),
    );
    const recipients = await sender.recipients(doc.id);
    const snv = recipients.find((r) => r.maDinhDanh === SNV);
    expect(snv?.statuses.map((s) => s.code)).toEqual(['04', '05', '06']);
  }, 60_000);

  it('a draft: chuyên viên → trưởng phòng → lãnh đạo (returns once, then signs) → văn thư cấp số, đóng dấu, phát hành', async () => {
    const { started, open } = await startOfficeDay();
    server = started.server;
    const cv = await open('chuyenvien.snv');
    const tp = await open('truongphong.snv');
    const ld = await open('lanhdao.snv');
    const vt = await open('vanthu.snv');

    const caseId = cv.office.newCaseId();
    const draft1 = cv.putFile(pdf('dự thảo 1'));
    const source = cv.putFile(Buffer.from('PK docx bytes'));
    await cv.office.take(caseId, {
      kind: 'draft',
      trichYeu: 'Về việc cử cán bộ đi tập huấn',
      tenLoai: 'Công văn',
      files: [
        { sha256: draft1, name: 'du-thao.pdf', role: 'du-thao' },
        { sha256: source, name: 'du-thao.docx', role: 'nguon' },
      ],
    });
    await cv.office.take(caseId, {
      kind: 'submit-for-signature',
      to: 'lanhdao.snv',
      via: 'truongphong.snv',
      draftSha256: draft1,
    });
    await drain(cv);

    await pullInbox(tp);
    expect((await tp.office.queue())[0]).toMatchObject({
      stepKind: 'submit-for-signature',
      caseState: 'xem-xet',
      filesReady: true,
    });
    await tp.office.take(caseId, { kind: 'submit-for-signature', to: 'lanhdao.snv', via: null, draftSha256: draft1 });
    await drain(tp);

    await pullInbox(ld);
    expect((await ld.office.queue())[0]).toMatchObject({
      stepKind: 'submit-for-signature',
      caseState: 'trinh-ky',
      filesReady: true,
    });
    await ld.office.take(caseId, { kind: 'return-draft', comment: 'Bổ sung danh sách cán bộ.', draftSha256: draft1 });
    await drain(ld);
    await pullInbox(cv);
    const [returned] = await cv.office.queue();
    expect(returned).toMatchObject({
      stepKind: 'return-draft',
      caseState: 'tra-lai',
      body: { comment: 'Bổ sung danh sách cán bộ.' },
    });

    const draft2 = cv.putFile(pdf('dự thảo 2'));
    await cv.office.take(caseId, {
      kind: 'draft',
      trichYeu: 'Về việc cử cán bộ đi tập huấn',
      tenLoai: 'Công văn',
      files: [{ sha256: draft2, name: 'du-thao-2.pdf', role: 'du-thao' }],
    });
    await cv.office.take(caseId, { kind: 'submit-for-signature', to: 'lanhdao.snv', via: null, draftSha256: draft2 });
    await drain(cv);
    await pullInbox(ld);
    expect(sha256(readFileSync(attachmentPath(ld.filesDir, draft2)))).toBe(draft2);
    const signed = ld.putFile(pdf('dự thảo 2 + chữ ký lãnh đạo'));
    await ld.office.take(caseId, {
      kind: 'sign',
      draftSha256: draft2,
      files: [{ sha256: signed, name: 'da-ky.pdf', role: 'da-ky' }],
    });
    await drain(ld);

    await pullInbox(vt);
    const [toNumber] = await vt.office.queue();
    expect(toNumber).toMatchObject({ stepKind: 'sign', caseState: 'da-ky', filesReady: true });
    expect(vt.notices.at(-1)?.title).toBe('Văn bản đã ký chờ cấp số');
    expect(sha256(readFileSync(attachmentPath(vt.filesDir, signed)))).toBe(signed);
    const numbered = vt.putFile(pdf('đã cấp số'));
    const sealed = vt.putFile(pdf('đã đóng dấu'));
    await vt.office.take(caseId, {
      kind: 'issue-number',
      soKyHieu: '15/SNV-TCBC',
      ngayBanHanh: '2026-03-02', // fixed-date: the number's date is data carried by the step
      files: [{ sha256: numbered, name: 'da-cap-so.pdf', role: 'da-cap-so' }],
    });
    await vt.office.take(caseId, {
      kind: 'seal',
      files: [{ sha256: sealed, name: 'da-dong-dau.pdf', role: 'da-dong-dau' }],
    });
    await vt.office.take(caseId, { kind: 'publish', trucDocumentId: null, recipients: ['000.00.02.H99'] });
    await drain(vt);
    await pullInbox(cv);
    const latest = (await cv.office.queue())[0];
    expect(latest).toMatchObject({ stepKind: 'publish', caseState: 'da-phat-hanh' });
    expect(latest?.files.map((f) => f.role).sort()).toEqual(['da-cap-so', 'da-dong-dau', 'da-ky', 'du-thao', 'nguon']);
  }, 60_000);
});
