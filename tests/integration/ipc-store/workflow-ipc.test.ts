import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { composeServices } from '../../../main/app/compose.ts';
import type { Services } from '../../../main/app/services.ts';
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
    expect(await call('incoming.assign', { id: document.id, assignment })).toMatchObject({
      ok: false,
      error: { code: 'STATE_TRANSITION_INVALID' },
    });
    expect(value(await call('incoming.assignment', { id: document.id }))).toBeNull();

    value(await call('incoming.transition', { id: document.id, to: 'da-tiep-nhan' }));
    value(await call('incoming.transition', { id: document.id, to: 'da-trinh' }));
    const assigned = value<{ document: { state: string; hanXuLy: string }; assignment: unknown }>(
      await call('incoming.assign', { id: document.id, assignment: { ...assignment, yKien: 'Đề nghị xử lý ngay' } }),
    );
    expect(assigned.document).toMatchObject({ state: 'phan-cong', hanXuLy: '2026-04-01' });
    expect(assigned.assignment).toMatchObject({ ...assignment, yKien: 'Đề nghị xử lý ngay', assignedBy: 'van-thu' });

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
    const doc = value<{ id: string }>(await call('outgoing.create', { input: draft }));
    expect(await call('outgoing.return', { id: doc.id, comment: 'Sửa trích yếu' })).toMatchObject({
      ok: false,
      error: { code: 'STATE_TRANSITION_INVALID' },
    });
    value(await call('outgoing.submit', { id: doc.id }));
    expect(value(await call('outgoing.return', { id: doc.id, comment: 'Sửa trích yếu cho rõ' }))).toMatchObject({
      state: 'du-thao',
    });
    expect(value(await call('outgoing.returns', { id: doc.id }))).toEqual([
      { comment: 'Sửa trích yếu cho rõ', returnedBy: 'van-thu', returnedAt: expect.any(String) },
    ]);
    expect(await call('outgoing.return', { id: doc.id, comment: '' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    // The drafter may submit again after the return.
    expect(value(await call('outgoing.submit', { id: doc.id }))).toMatchObject({ state: 'trinh-ky' });
  });

  it('the stored attachment comes back byte for byte with the kept verification verdict', async () => {
    const { document } = value<{ document: { id: string } }>(
      await call('incoming.add', { input: incomingInput, filePath: PDF }),
    );
    const before = value<{ base64: string; sha256: string; verification: unknown; fileName: string }>(
      await call('incoming.attachment', { id: document.id }),
    );
    const original = readFileSync(PDF);
    expect(Buffer.from(before.base64, 'base64').equals(original)).toBe(true);
    expect(before.sha256).toBe(createHash('sha256').update(original).digest('hex'));
    expect(before).toMatchObject({
      fileName: expect.stringMatching(/\.pdf$/),
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
});
