import { existsSync, readdirSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { attachmentPath, MAX_ATTACHMENT_BYTES } from '../../../main/services/store/attachments.ts';
import { incoming, openLease, openTestStore, ORG } from './helpers.ts';

describe('incoming registration and numbering', () => {
  it('numbers consecutively from 01 within a register and writes audit and outbox in the same transaction', () => {
    const { store, db } = openTestStore();
    openLease(store);
    const a = store.addIncoming(incoming({ so: '1' })).document;
    const b = store.addIncoming(incoming({ so: '2' })).document;
    expect([a.soDen, b.soDen]).toEqual([1, 2]);
    expect(a.soDenHienThi).toBe('01');
    expect(a.ngayDen).toBe('2026-03-10');
    expect(store.context.outbox.list().map((j) => [j.kind, j.key])).toEqual([
      ['incoming.register', a.id],
      ['incoming.register', b.id],
    ]);
    expect(store.verifyAudit()).toMatchObject({ ok: true, entries: 2 });
    // The database, not only the code, refuses a number twice.
    expect(() => db.prepare(`UPDATE incoming_documents SET so_den = 1 WHERE id = ?`).run(b.id)).toThrow(/UNIQUE/);
  });

  it('starts again at 01 in the new Vietnamese year, even while UTC is still in the old one', () => {
    const { store, setNow } = openTestStore({ now: new Date('2026-12-31T16:00:00Z') });
    openLease(store, 2026);
    openLease(store, 2027);
    store.addIncoming(incoming({ so: '1' }));
    const last2026 = store.addIncoming(incoming({ so: '2' })).document;
    setNow(new Date('2026-12-31T17:30:00Z')); // 00:30 on 1 January 2027 in Hà Nội
    const first2027 = store.addIncoming(incoming({ so: '3' })).document;
    expect(last2026.soDen).toBe(2);
    expect(first2027).toMatchObject({ soDen: 1, ngayDen: '2027-01-01' });
    expect(first2027.registerId).not.toBe(last2026.registerId);
  });

  it('uses leases in order, then gives clearly marked provisional numbers that sync replaces', () => {
    const { store } = openTestStore();
    const register = store.context.registers.ensure({ maDinhDanh: ORG, kind: 'den', year: 2026 });
    store.context.registers.addLease(register.id, { firstNumber: 21, lastNumber: 22 });
    store.context.registers.addLease(register.id, { firstNumber: 5, lastNumber: 5 });
    expect(() => store.context.registers.addLease(register.id, { firstNumber: 22, lastNumber: 30 })).toThrow();
    const numbers = [1, 2, 3, 4, 5].map((i) => store.addIncoming(incoming({ so: String(i) })).document);
    expect(numbers.map((d) => d.soDenHienThi)).toEqual(['05', '21', '22', 'T-01', 'T-02']);
    expect(store.context.registers.remaining(register.id)).toBe(0);
    const provisional = numbers[3];
    expect(provisional?.soDen).toBeNull();
    const finalized = store.finalizeProvisional(provisional?.id ?? '', 23);
    expect(finalized).toMatchObject({ soDen: 23, soDenTam: 1, soDenHienThi: '23' });
    // A provisional number is never reused after it was replaced.
    expect(store.addIncoming(incoming({ so: '6' })).document.soDenHienThi).toBe('T-03');
  });

  it('never gives an outgoing number without a lease', () => {
    const { store } = openTestStore();
    const register = store.context.registers.ensure({ maDinhDanh: ORG, kind: 'di', year: 2026 });
    expect(() => store.context.registers.take(register.id, { allowProvisional: false })).toThrow(
      expect.objectContaining({ code: 'NUMBER_UNAVAILABLE' }),
    );
  });

  it('warns on the same mã định danh văn bản or the same số, ký hiệu and issuing organization', () => {
    const { store } = openTestStore();
    openLease(store);
    const first = store.addIncoming(incoming({ maDinhDanhVanBan: '000.00.00.H55,2026/03/09,15/QĐ-UBND' }));
    expect(first.duplicates).toEqual([]);
    const again = store.addIncoming(incoming({ maDinhDanhVanBan: '000.00.00.H55,2026/03/09,15/QĐ-UBND' }));
    expect(again.duplicates).toEqual([
      { reason: 'ma-dinh-danh-van-ban', documentId: first.document.id, soDenHienThi: '01' },
    ]);
    const sameNumber = store.addIncoming(incoming({ maDinhDanhVanBan: null }));
    expect(sameNumber.duplicates.map((d) => [d.reason, d.soDenHienThi])).toEqual([
      ['so-ky-hieu-co-quan', '01'],
      ['so-ky-hieu-co-quan', '02'],
    ]);
    const other = store.addIncoming(incoming({ so: '16', maDinhDanhVanBan: null }));
    expect(other.duplicates).toEqual([]);
  });

  it('stores the file by SHA-256 with an upload job keyed by hash and an ASCII file name', () => {
    const { store, dir } = openTestStore();
    openLease(store);
    const source = join(dir, 'Quyết định 15.pdf');
    writeFileSync(source, '%PDF-1.7\n%test\n');
    const { document } = store.addIncoming(incoming({ source: 'email' }), { path: source });
    expect(document.fileSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(document.fileName).toBe('QuyetDinh15.pdf');
    expect(attachmentPath(join(dir, 'files'), document.fileSha256 ?? '')).toContain(document.fileSha256 ?? '');
    const upload = store.context.outbox.list().find((j) => j.kind === 'file.upload');
    expect(upload).toMatchObject({ key: document.fileSha256, payload: { fileName: 'QuyetDinh15.pdf' } });
  });

  it('moves along the workflow, refuses skipped steps and sends the status to the sender', () => {
    const { store } = openTestStore();
    openLease(store);
    const { document } = store.addIncoming(incoming());
    expect(() => store.transitionIncoming(document.id, 'hoan-thanh')).toThrow(
      expect.objectContaining({ code: 'STATE_TRANSITION_INVALID' }),
    );
    store.transitionIncoming(document.id, 'da-tiep-nhan');
    store.transitionIncoming(document.id, 'da-trinh', 'Kính trình đồng chí Giám đốc');
    const statuses = store.context.outbox.list().filter((j) => j.kind === 'incoming.status');
    // 03 đã tiếp nhận (edXML §4.5); trình lãnh đạo sends no status of its own.
    expect(statuses.map((j) => (j.payload as { statusCode: string }).statusCode)).toEqual(['03']);
    expect(store.getIncoming(document.id).yKien).toBe('Kính trình đồng chí Giám đốc');
  });

  it('refuses a file over 50 MB before registering anything', () => {
    const { store, dir } = openTestStore();
    openLease(store);
    const big = join(dir, 'big.pdf');
    writeFileSync(big, '');
    truncateSync(big, MAX_ATTACHMENT_BYTES + 1);
    expect(() => store.addIncoming(incoming(), { path: big })).toThrow(
      expect.objectContaining({ code: 'FILE_TOO_LARGE' }),
    );
    expect(store.listIncoming()).toEqual([]);
    expect(existsSync(join(dir, 'files')) ? readdirSync(join(dir, 'files')) : []).toEqual([]);
  });

  it('keeps the verification result with an audit entry', () => {
    const { store, db } = openTestStore();
    openLease(store);
    const { document } = store.addIncoming(incoming());
    store.setVerification(document.id, { verdict: 'valid', signatures: 2 });
    expect(db.prepare(`SELECT verification FROM incoming_documents`).pluck().get()).toBe(
      '{"verdict":"valid","signatures":2}',
    );
    expect(store.verifyAudit()).toMatchObject({ ok: true, entries: 2 });
  });

  it('keeps the original source file beside the signed PDF, both uploaded by hash', () => {
    const { store, dir, db } = openTestStore();
    openLease(store);
    const signed = join(dir, 'signed.pdf');
    const source = join(dir, 'Dự thảo.docx');
    writeFileSync(signed, '%PDF-1.7 signed');
    writeFileSync(source, 'PK docx bytes');
    const { document } = store.addIncoming(incoming({ source: 'email' }), { path: signed, originalPath: source });
    const original = db.prepare(`SELECT original_sha256 FROM incoming_documents WHERE id = ?`).pluck().get(document.id);
    expect(original).toMatch(/^[0-9a-f]{64}$/);
    expect(original).not.toBe(document.fileSha256);
    const uploads = store.context.outbox.list().filter((j) => j.kind === 'file.upload');
    expect(uploads.map((j) => (j.payload as { fileName: string }).fileName)).toEqual(['Signed.pdf', 'DuThao.docx']);
  });
});
