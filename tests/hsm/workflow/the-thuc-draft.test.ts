import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { usePki } from '../../support/pki/use-pki.ts';
import { FIXTURE_PDF, issuingProfile } from './issuing-support.ts';

const pki = usePki();

describe('the assistant through the handler table: theThuc.checkDraft on the stored draft, metadata.read by handle (#21)', () => {
  const app = issuingProfile(pki);
  const { call, value, services } = app;
  afterAll(async () => {
    await services.store.close();
    await services.tokens.stop();
  });

  it('checks the draft the leader will sign and explains every finding', async () => {
    const doc = await app.draft();
    const report = value(await call('theThuc.checkDraft', { id: doc.id }));
    expect(report.pageCount).toBe(1);
    expect(report.rulesChecked).toContain('quoc-hieu');
    // The HTML-made fixture has no rule under tiêu ngữ: the one defect it carries.
    expect(report.findings.map((f) => f.rule)).toContain('tieu-ngu-gach');
    for (const f of report.findings) {
      expect(f.source).toMatch(/Phụ lục I/);
      expect(f.pageIndex).toBe(0);
    }
    // A stored draft never changes: asked again (the leader reopens Ký duyệt), the report is the one already made.
    const again = await services.theThuc.checkDraft(doc.id);
    expect(await services.theThuc.checkDraft(doc.id)).toBe(again);
    expect(again).toEqual(report);
  });

  it('says NOT_FOUND for a document without a stored draft', async () => {
    const result = await call('theThuc.checkDraft', { id: 'khong-co' });
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.error.code).toBe('NOT_FOUND');
  });

  it('metadata.read: the fields a chosen PDF prints, by handle, each with a confidence', async () => {
    const handle = await app.upload('pdf', 'Văn bản đến.pdf', readFileSync(FIXTURE_PDF));
    const read = value(await call('metadata.read', { handle }));
    expect(read.so?.value).toBe('15');
    expect(read.kyHieu?.value).toBe('QĐ-UBND');
    // fixed-date: the issue date printed in the committed fixture lo-qd-kt-1.pdf.
    expect(read.ngayBanHanh?.value).toBe('2026-11-22');
    expect(read.nguoiKy?.value).toBe('Nguyễn Thị Loan');
    expect(read.chucVu?.value).toBe('PHÓ CHỦ TỊCH');
    expect(read.so?.confidence).toBeGreaterThan(0.5);
  });
});
