import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OutgoingInputSchema } from '../../../preload/contract/outgoing.ts';
import { openTestStore, ORG } from './helpers.ts';

const draft = OutgoingInputSchema.parse({
  tenLoai: 'Quyết định',
  kyHieu: 'QĐ-STP',
  trichYeu: 'Về việc cử cán bộ đi đào tạo',
  coQuanBanHanh: 'Sở Tư pháp',
  nguoiKy: 'Lê Văn Đông',
  chucVu: 'Giám đốc',
  recipients: [{ maDinhDanh: '000.00.00.H55', ten: 'UBND tỉnh Thái Nguyên' }],
});

describe('outgoing documents', () => {
  it('goes dự thảo → trình ký → đã ký → đã cấp số → đã đóng dấu → đã phát hành → thu hồi', () => {
    const { store, dir } = openTestStore();
    const signed = join(dir, 'signed.pdf');
    const sealed = join(dir, 'sealed.pdf');
    writeFileSync(signed, '%PDF-1.7 signed by the leader');
    writeFileSync(sealed, '%PDF-1.7 signed and sealed');
    const doc = store.createOutgoing(draft);
    expect(doc.state).toBe('du-thao');
    expect(() => store.issueNumber(doc.id)).toThrow(expect.objectContaining({ code: 'STATE_TRANSITION_INVALID' }));
    store.submitOutgoing(doc.id);
    store.markSigned(doc.id, signed);
    // No lease for the outgoing register: never a provisional number, and nothing changes.
    expect(() => store.issueNumber(doc.id)).toThrow(expect.objectContaining({ code: 'NUMBER_UNAVAILABLE' }));
    expect(store.getOutgoing(doc.id)).toMatchObject({ state: 'da-ky', so: null });
    store.context.registers.addLease(doc.registerId, { firstNumber: 7, lastNumber: 9 });
    const numbered = store.issueNumber(doc.id);
    expect(numbered).toMatchObject({
      state: 'da-cap-so',
      so: 7,
      soKyHieu: '07/QĐ-STP',
      ngayBanHanh: '2026-03-10',
      maDinhDanhVanBan: `${ORG},2026/03/10,07/QĐ-STP`,
    });
    store.markSealed(doc.id, sealed);
    const published = store.publishOutgoing(doc.id);
    expect(published.state).toBe('da-phat-hanh');
    const jobs = store.context.outbox.list().map((j) => j.kind);
    expect(jobs).toEqual(['file.upload', 'outgoing.publish']);
    const recalled = store.recallOutgoing(doc.id, 'Sai thể thức');
    expect(recalled).toMatchObject({ state: 'da-thu-hoi', recallReason: 'Sai thể thức' });
    expect(() => store.submitOutgoing(doc.id)).toThrow(expect.objectContaining({ code: 'STATE_TRANSITION_INVALID' }));
    expect(store.context.outbox.list().map((j) => j.kind)).toContain('outgoing.recall');
    expect(store.verifyAudit()).toMatchObject({ ok: true });
  });

  it('keeps separate series (secret documents) with their own numbers', () => {
    const { store } = openTestStore();
    const main = store.createOutgoing(draft);
    const secret = store.createOutgoing({ ...draft, series: 'mat' });
    expect(secret.registerId).not.toBe(main.registerId);
    for (const doc of [main, secret]) {
      store.context.registers.addLease(doc.registerId, { firstNumber: 1, lastNumber: null });
      store.submitOutgoing(doc.id);
      store.context.db.prepare(`UPDATE outgoing_documents SET state = 'da-ky' WHERE id = ?`).run(doc.id);
      expect(store.issueNumber(doc.id).so).toBe(1);
    }
  });

  it('never publishes or recalls a document marked mật through the system: SECRET_STAYS_LOCAL, nothing queued (#17)', () => {
    const { store, dir } = openTestStore();
    const sealed = join(dir, 'sealed.pdf');
    writeFileSync(sealed, '%PDF-1.7 signed and sealed');
    const doc = store.createOutgoing({ ...draft, series: 'mat', doMat: 2 });
    store.context.registers.addLease(doc.registerId, { firstNumber: 1, lastNumber: null });
    store.submitOutgoing(doc.id);
    store.markSigned(doc.id, sealed);
    store.issueNumber(doc.id);
    store.markSealed(doc.id, sealed);
    expect(() => store.publishOutgoing(doc.id)).toThrow(expect.objectContaining({ code: 'SECRET_STAYS_LOCAL' }));
    expect(() => store.recallOutgoing(doc.id, 'x')).toThrow(expect.objectContaining({ code: 'SECRET_STAYS_LOCAL' }));
    expect(store.getOutgoing(doc.id).state).toBe('da-dong-dau');
    expect(store.context.outbox.list()).toEqual([]);
  });
});
