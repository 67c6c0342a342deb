import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { composeServices } from '../../../main/app/compose.ts';
import type { Services } from '../../../main/ipc/services.ts';
import { dispatch } from '../../../main/ipc/dispatch.ts';
import { createHandlerTable } from '../../../main/ipc/handlers.ts';
import { silentLogger } from '../../../main/services/log/logger.ts';
import type { Result } from '../../../preload/contract/result.ts';
import { tempDir } from '../store/helpers.ts';

const PDF = join(import.meta.dirname, '../../fixtures/pdf/lo-cv-kt-1.pdf');

const incomingInput = {
  tenLoai: 'Công văn',
  so: '12',
  kyHieu: 'STTTT-BCVT',
  ngayBanHanh: '2026-03-02',
  coQuanBanHanh: 'Sở Thông tin và Truyền thông',
  trichYeu: 'Về việc đảm bảo an toàn thông tin',
  source: 'email',
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
  let services: Services;
  let call: (channel: string, payload: unknown) => Promise<Result<unknown>>;

  beforeEach(() => {
    const dir = tempDir('vanthu-workflow-');
    services = composeServices({ profileDir: join(dir, 'profile'), shell: 'browser', log: silentLogger });
    services.settings.update({ organization: { maDinhDanh: '000.00.12.H55', name: 'Sở Tư pháp tỉnh Thái Nguyên' } });
    const table = createHandlerTable(services);
    call = (channel, payload) => dispatch(table, channel, payload, { shell: 'browser' }, silentLogger);
  });
  afterEach(async () => {
    await services.store.close();
  });

  const asRole = async (role: 'van-thu' | 'lanh-dao' | 'chuyen-vien') => value(await call('profile.update', { role }));
  const value = <T>(result: Result<unknown>): T => {
    if (!result.ok) {
      throw new Error(`${result.error.code}: ${result.error.message}`);
    }
    return result.value as T;
  };

  it('phân công: chủ trì, phối hợp and hạn are kept, the state moves, status 04 is queued, re-assignment keeps history', async () => {
    const { document } = value<{ document: { id: string } }>(await call('incoming.add', { input: incomingInput }));
    const assignment = { chuTri: 'Phòng Hành chính tư pháp', phoiHop: ['Văn phòng Sở'], hanXuLy: '2026-04-01' };

    // Not yet presented to the leader: refused, nothing stored.
    await asRole('lanh-dao');
    expect(await call('incoming.assign', { id: document.id, assignment })).toMatchObject({
      ok: false,
      error: { code: 'STATE_TRANSITION_INVALID' },
    });
    expect(value(await call('incoming.assignment', { id: document.id }))).toBeNull();

    await asRole('van-thu');
    value(await call('incoming.transition', { id: document.id, to: 'da-tiep-nhan' }));
    value(await call('incoming.transition', { id: document.id, to: 'da-trinh' }));
    await asRole('lanh-dao');
    const assigned = value<{ document: { state: string; hanXuLy: string }; assignment: unknown }>(
      await call('incoming.assign', { id: document.id, assignment: { ...assignment, yKien: 'Đề nghị xử lý ngay' } }),
    );
    expect(assigned.document).toMatchObject({ state: 'phan-cong', hanXuLy: '2026-04-01' });
    expect(assigned.assignment).toMatchObject({ ...assignment, yKien: 'Đề nghị xử lý ngay', assignedBy: 'lanh-dao' });

    // Re-assigned while phân công: no state change, the latest assignment wins.
    const again = value<{ document: { state: string }; assignment: { chuTri: string; phoiHop: string[] } }>(
      await call('incoming.assign', {
        id: document.id,
        assignment: { chuTri: 'Phòng Bổ trợ tư pháp', hanXuLy: null },
      }),
    );
    expect(again.document.state).toBe('phan-cong');
    expect(value(await call('incoming.assignment', { id: document.id }))).toMatchObject({
      chuTri: 'Phòng Bổ trợ tư pháp',
      phoiHop: [],
    });
    // A null deadline on re-assignment keeps the earlier one.
    expect(value(await call('incoming.get', { id: document.id }))).toMatchObject({ hanXuLy: '2026-04-01' });

    const jobs = await services.store.call('outbox.list', {});
    expect(
      (jobs as { kind: string; payload: { statusCode?: string } }[]).filter(
        (j) => j.kind === 'incoming.status' && j.payload.statusCode === '04',
      ),
    ).toHaveLength(1);
    expect(await call('incoming.assign', { id: document.id, assignment: { chuTri: ' ' } })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    expect(value(await call('audit.verify', {}))).toMatchObject({ ok: true });
  });

  it('trả lại dự thảo: trình ký goes back to dự thảo with the comment kept; refused from dự thảo', async () => {
    await asRole('chuyen-vien');
    const doc = value<{ id: string }>(await call('outgoing.create', { input: draft }));
    await asRole('lanh-dao');
    expect(await call('outgoing.return', { id: doc.id, comment: 'Sửa trích yếu' })).toMatchObject({
      ok: false,
      error: { code: 'STATE_TRANSITION_INVALID' },
    });
    await asRole('chuyen-vien');
    value(await call('outgoing.submit', { id: doc.id }));
    await asRole('lanh-dao');
    expect(value(await call('outgoing.return', { id: doc.id, comment: 'Sửa trích yếu cho rõ' }))).toMatchObject({
      state: 'du-thao',
    });
    expect(value(await call('outgoing.returns', { id: doc.id }))).toEqual([
      { comment: 'Sửa trích yếu cho rõ', returnedBy: 'lanh-dao', returnedAt: expect.any(String) },
    ]);
    expect(await call('outgoing.return', { id: doc.id, comment: '' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    // The drafter may submit again after the return.
    await asRole('chuyen-vien');
    expect(value(await call('outgoing.submit', { id: doc.id }))).toMatchObject({ state: 'trinh-ky' });
  });

  it('the stored attachment comes back byte for byte with the kept verification verdict', async () => {
    // The PDF enters as a chosen file (a handle), as the registration form sends it.
    const chosen = services.files.accept('pdf', 'lo-cv-kt-1.pdf', new Uint8Array(readFileSync(PDF)));
    expect(await call('incoming.add', { input: incomingInput, filePath: PDF })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    const { document } = value<{ document: { id: string } }>(
      await call('incoming.add', { input: incomingInput, file: chosen.handle }),
    );
    const before = value<{ base64: string; sha256: string; verification: unknown; fileName: string }>(
      await call('incoming.attachment', { id: document.id }),
    );
    const original = readFileSync(PDF);
    expect(Buffer.from(before.base64, 'base64').equals(original)).toBe(true);
    expect(before.sha256).toBe(createHash('sha256').update(original).digest('hex'));
    expect(before).toMatchObject({
      // Named after the chosen file (export naming), not after its hash.
      fileName: 'LoCvKt1.pdf',
      verification: null,
      mediaType: 'application/pdf',
    });

    await services.store.call('incoming.setVerification', document.id, { verdict: 'valid', reasons: ['Hợp lệ'] });
    expect(value(await call('incoming.attachment', { id: document.id }))).toMatchObject({
      verification: { verdict: 'valid', reasons: ['Hợp lệ'] },
    });

    // Verified on the stored file (the renderer has no path to it); the verdict is kept with the document.
    const report = value<{ verdict: string; signatures: unknown[] }>(
      await call('incoming.verify', { id: document.id, offline: true }),
    );
    expect(report.signatures).toEqual([]);
    expect(value(await call('incoming.attachment', { id: document.id }))).toMatchObject({
      verification: { verdict: report.verdict, signatures: [] },
    });

    // A paper registration without a scan has no file to show.
    const paper = value<{ document: { id: string } }>(
      await call('incoming.add', { input: { ...incomingInput, so: '13' } }),
    );
    expect(await call('incoming.attachment', { id: paper.document.id })).toMatchObject({
      ok: false,
      error: { code: 'FILE_NOT_FOUND' },
    });
    expect(await call('incoming.verify', { id: paper.document.id })).toMatchObject({
      ok: false,
      error: { code: 'FILE_NOT_FOUND' },
    });
  });
  it('roles are enforced in main for every workflow step: refused with ROLE_NOT_ALLOWED in Vietnamese, nothing changed', async () => {
    const state = async () => ({
      outgoing: value<unknown[]>(await call('outgoing.list', { limit: 100 })),
      incoming: value<unknown[]>(await call('incoming.list', {})),
      outbox: await services.store.call('outbox.list', {}),
    });
    const refused = async (channel: string, payload: unknown, message: string) => {
      const before = await state();
      const result = await call(channel, payload);
      expect(result).toMatchObject({ ok: false, error: { code: 'ROLE_NOT_ALLOWED', retryable: false } });
      expect(result.ok ? '' : result.error.message).toContain(message);
      expect(await state()).toEqual(before);
    };

    // Outgoing: the văn thư and the lãnh đạo do not draft; only the drafter submits; only the leader returns or recalls.
    await asRole('van-thu');
    await refused('outgoing.create', { input: draft }, 'Văn thư không được tạo dự thảo văn bản đi');
    await asRole('chuyen-vien');
    const doc = value<{ id: string }>(await call('outgoing.create', { input: draft }));
    await asRole('lanh-dao');
    await refused('outgoing.submit', { id: doc.id }, 'Lãnh đạo không được trình ký dự thảo');
    await asRole('chuyen-vien');
    value(await call('outgoing.submit', { id: doc.id }));
    await refused('outgoing.return', { id: doc.id, comment: 'Sửa lại' }, 'Chuyên viên không được trả lại dự thảo');
    await asRole('van-thu');
    await refused('outgoing.return', { id: doc.id, comment: 'Sửa lại' }, 'Văn thư không được trả lại dự thảo');
    await refused('outgoing.recall', { id: doc.id, reason: 'Sai sót' }, 'Văn thư không được thu hồi văn bản đi');

    // Incoming: only the văn thư registers, receives and presents; the leader directs; the chuyên viên handles.
    await asRole('chuyen-vien');
    await refused('incoming.add', { input: incomingInput }, 'Chuyên viên không được đăng ký văn bản đến');
    await asRole('van-thu');
    const { document } = value<{ document: { id: string } }>(await call('incoming.add', { input: incomingInput }));
    await asRole('lanh-dao');
    await refused('incoming.transition', { id: document.id, to: 'da-tiep-nhan' }, 'Lãnh đạo không được tiếp nhận');
    await asRole('van-thu');
    value(await call('incoming.transition', { id: document.id, to: 'da-tiep-nhan' }));
    value(await call('incoming.transition', { id: document.id, to: 'da-trinh' }));
    const assignment = { chuTri: 'Phòng Hành chính tư pháp', hanXuLy: null };
    await refused('incoming.assign', { id: document.id, assignment }, 'Văn thư không được phân công xử lý');
    await asRole('chuyen-vien');
    await refused('incoming.assign', { id: document.id, assignment }, 'Chuyên viên không được phân công xử lý');
    await asRole('lanh-dao');
    value(await call('incoming.assign', { id: document.id, assignment }));
    await refused(
      'incoming.transition',
      { id: document.id, to: 'dang-xu-ly' },
      'Lãnh đạo không được xử lý văn bản đến',
    );
    await asRole('chuyen-vien');
    expect(value(await call('incoming.transition', { id: document.id, to: 'dang-xu-ly' }))).toMatchObject({
      state: 'dang-xu-ly',
    });
    // The audit chain holds the steps that happened and nothing of the refused ones.
    expect(value(await call('audit.verify', {}))).toMatchObject({ ok: true });
  });
});
