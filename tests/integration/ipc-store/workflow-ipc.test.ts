import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChannelName, RequestOf } from '../../../preload/contract/index.ts';
import { openApp, type TestApp } from '../../support/app.ts';

const PDF = join(import.meta.dirname, '../../fixtures/pdf/lo-cv-kt-1.pdf');

const incomingInput = {
  tenLoai: 'Công văn',
  so: '12',
  kyHieu: 'STTTT-BCVT',
  ngayBanHanh: '2026-03-02',
  coQuanBanHanh: 'Sở Thông tin và Truyền thông',
  trichYeu: 'Về việc đảm bảo an toàn thông tin',
  source: 'email' as const,
};

const draft = {
  tenLoai: 'Quyết định',
  kyHieu: 'QĐ-STP',
  trichYeu: 'Về việc cử cán bộ đi đào tạo',
  coQuanBanHanh: 'Sở Tư pháp',
  nguoiKy: 'Lê Văn Đông',
  chucVu: 'Giám đốc',
  recipients: [{ maDinhDanh: '000.00.00.H55', ten: 'UBND tỉnh Thái Nguyên' }],
};

describe('workflow channels the screens need (assign, return, attachment) through dispatch and the store worker', () => {
  let app: TestApp;

  beforeEach(() => {
    app = openApp({ prefix: 'vanthu-workflow-' });
  });
  afterEach(() => app.close());

  const asRole = (role: 'van-thu' | 'lanh-dao' | 'chuyen-vien') => app.asRole(role);

  it('phân công: chủ trì, phối hợp and hạn are kept, the state moves, status 04 is queued, re-assignment keeps history', async () => {
    const { document } = await app.value('incoming.add', { input: incomingInput });
    const assignment = { chuTri: 'Phòng Hành chính tư pháp', phoiHop: ['Văn phòng Sở'], hanXuLy: '2026-04-01' };

    // Not yet presented to the leader: refused, nothing stored.
    await asRole('lanh-dao');
    expect(await app.call('incoming.assign', { id: document.id, assignment })).toMatchObject({
      ok: false,
      error: { code: 'STATE_TRANSITION_INVALID' },
    });
    expect(await app.value('incoming.assignment', { id: document.id })).toBeNull();

    await asRole('van-thu');
    await app.value('incoming.transition', { id: document.id, to: 'da-tiep-nhan' });
    await app.value('incoming.transition', { id: document.id, to: 'da-trinh' });
    await asRole('lanh-dao');
    const assigned = await app.value('incoming.assign', {
      id: document.id,
      assignment: { ...assignment, yKien: 'Đề nghị xử lý ngay' },
    });
    expect(assigned.document).toMatchObject({ state: 'phan-cong', hanXuLy: '2026-04-01' });
    expect(assigned.assignment).toMatchObject({ ...assignment, yKien: 'Đề nghị xử lý ngay', assignedBy: 'lanh-dao' });

    // Re-assigned while phân công: no state change, the latest assignment wins.
    const again = await app.value('incoming.assign', {
      id: document.id,
      assignment: { chuTri: 'Phòng Bổ trợ tư pháp', hanXuLy: null },
    });
    expect(again.document.state).toBe('phan-cong');
    expect(await app.value('incoming.assignment', { id: document.id })).toMatchObject({
      chuTri: 'Phòng Bổ trợ tư pháp',
      phoiHop: [],
    });
    // A null deadline on re-assignment keeps the earlier one.
    expect(await app.value('incoming.get', { id: document.id })).toMatchObject({ hanXuLy: '2026-04-01' });

    const jobs = await app.services.store.call('outbox.list', {});
    expect(
      (jobs as { kind: string; payload: { statusCode?: string } }[]).filter(
        (j) => j.kind === 'incoming.status' && j.payload.statusCode === '04',
      ),
    ).toHaveLength(1);
    expect(await app.call('incoming.assign', { id: document.id, assignment: { chuTri: ' ' } })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    expect(await app.value('audit.verify', {})).toMatchObject({ ok: true });
  });

  it('trả lại dự thảo: trình ký goes back to dự thảo with the comment kept; refused from dự thảo', async () => {
    await asRole('chuyen-vien');
    const doc = await app.value('outgoing.create', { input: draft });
    await asRole('lanh-dao');
    expect(await app.call('outgoing.return', { id: doc.id, comment: 'Sửa trích yếu' })).toMatchObject({
      ok: false,
      error: { code: 'STATE_TRANSITION_INVALID' },
    });
    await asRole('chuyen-vien');
    await app.value('outgoing.submit', { id: doc.id });
    await asRole('lanh-dao');
    expect(await app.value('outgoing.return', { id: doc.id, comment: 'Sửa trích yếu cho rõ' })).toMatchObject({
      state: 'du-thao',
    });
    expect(await app.value('outgoing.returns', { id: doc.id })).toEqual([
      { comment: 'Sửa trích yếu cho rõ', returnedBy: 'lanh-dao', returnedAt: expect.any(String) },
    ]);
    expect(await app.call('outgoing.return', { id: doc.id, comment: '' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    // The drafter may submit again after the return.
    await asRole('chuyen-vien');
    expect(await app.value('outgoing.submit', { id: doc.id })).toMatchObject({ state: 'trinh-ky' });
  });

  it('the stored attachment comes back byte for byte with the kept verification verdict', async () => {
    // The PDF enters as a chosen file (a handle), as the registration form sends it.
    const chosen = app.services.files.accept('pdf', 'lo-cv-kt-1.pdf', new Uint8Array(readFileSync(PDF)));
    // A typed path is not part of the contract any more: sent anyway, it is refused.
    expect(await app.raw('incoming.add', { input: incomingInput, filePath: PDF })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    const { document } = await app.value('incoming.add', { input: incomingInput, file: chosen.handle });
    const before = await app.value('incoming.attachment', { id: document.id });
    const original = readFileSync(PDF);
    expect(Buffer.from(before.base64, 'base64').equals(original)).toBe(true);
    expect(before.sha256).toBe(createHash('sha256').update(original).digest('hex'));
    expect(before).toMatchObject({
      // Named after the chosen file (export naming), not after its hash.
      fileName: 'LoCvKt1.pdf',
      verification: null,
      mediaType: 'application/pdf',
    });

    await app.services.store.call('incoming.setVerification', document.id, { verdict: 'valid', reasons: ['Hợp lệ'] });
    expect(await app.value('incoming.attachment', { id: document.id })).toMatchObject({
      verification: { verdict: 'valid', reasons: ['Hợp lệ'] },
    });

    // Verified on the stored file (the renderer has no path to it); the verdict is kept with the document.
    const report = await app.value('incoming.verify', { id: document.id, offline: true });
    expect(report.signatures).toEqual([]);
    expect(await app.value('incoming.attachment', { id: document.id })).toMatchObject({
      verification: { verdict: report.verdict, signatures: [] },
    });

    // A paper registration without a scan has no file to show.
    const paper = await app.value('incoming.add', { input: { ...incomingInput, so: '13' } });
    expect(await app.call('incoming.attachment', { id: paper.document.id })).toMatchObject({
      ok: false,
      error: { code: 'FILE_NOT_FOUND' },
    });
    expect(await app.call('incoming.verify', { id: paper.document.id })).toMatchObject({
      ok: false,
      error: { code: 'FILE_NOT_FOUND' },
    });
  });
  it('roles are enforced in main for every workflow step: refused with ROLE_NOT_ALLOWED in Vietnamese, nothing changed', async () => {
    const state = async () => ({
      outgoing: await app.value('outgoing.list', { limit: 100 }),
      incoming: await app.value('incoming.list', {}),
      outbox: await app.services.store.call('outbox.list', {}),
    });
    const refused = async <C extends ChannelName>(channel: C, payload: RequestOf<C>, message: string) => {
      const before = await state();
      const result = await app.call(channel, payload);
      expect(result).toMatchObject({ ok: false, error: { code: 'ROLE_NOT_ALLOWED', retryable: false } });
      expect(result.ok ? '' : result.error.message).toContain(message);
      expect(await state()).toEqual(before);
    };

    // Outgoing: the văn thư and the lãnh đạo do not draft; only the drafter submits; only the leader returns or recalls.
    await asRole('van-thu');
    await refused('outgoing.create', { input: draft }, 'Văn thư không được tạo dự thảo văn bản đi');
    await asRole('chuyen-vien');
    const doc = await app.value('outgoing.create', { input: draft });
    await asRole('lanh-dao');
    await refused('outgoing.submit', { id: doc.id }, 'Lãnh đạo không được trình ký dự thảo');
    await asRole('chuyen-vien');
    await app.value('outgoing.submit', { id: doc.id });
    await refused('outgoing.return', { id: doc.id, comment: 'Sửa lại' }, 'Chuyên viên không được trả lại dự thảo');
    await asRole('van-thu');
    await refused('outgoing.return', { id: doc.id, comment: 'Sửa lại' }, 'Văn thư không được trả lại dự thảo');
    await refused('outgoing.recall', { id: doc.id, reason: 'Sai sót' }, 'Văn thư không được thu hồi văn bản đi');

    // Incoming: only the văn thư registers, receives and presents; the leader directs; the chuyên viên handles.
    await asRole('chuyen-vien');
    await refused('incoming.add', { input: incomingInput }, 'Chuyên viên không được đăng ký văn bản đến');
    await asRole('van-thu');
    const { document } = await app.value('incoming.add', { input: incomingInput });
    await asRole('lanh-dao');
    await refused('incoming.transition', { id: document.id, to: 'da-tiep-nhan' }, 'Lãnh đạo không được tiếp nhận');
    await asRole('van-thu');
    await app.value('incoming.transition', { id: document.id, to: 'da-tiep-nhan' });
    await app.value('incoming.transition', { id: document.id, to: 'da-trinh' });
    const assignment = { chuTri: 'Phòng Hành chính tư pháp', hanXuLy: null };
    await refused('incoming.assign', { id: document.id, assignment }, 'Văn thư không được phân công xử lý');
    await asRole('chuyen-vien');
    await refused('incoming.assign', { id: document.id, assignment }, 'Chuyên viên không được phân công xử lý');
    await asRole('lanh-dao');
    await app.value('incoming.assign', { id: document.id, assignment });
    await refused(
      'incoming.transition',
      { id: document.id, to: 'dang-xu-ly' },
      'Lãnh đạo không được xử lý văn bản đến',
    );
    await asRole('chuyen-vien');
    expect(await app.value('incoming.transition', { id: document.id, to: 'dang-xu-ly' })).toMatchObject({
      state: 'dang-xu-ly',
    });
    // The audit chain holds the steps that happened and nothing of the refused ones.
    expect(await app.value('audit.verify', {})).toMatchObject({ ok: true });
  });
});
