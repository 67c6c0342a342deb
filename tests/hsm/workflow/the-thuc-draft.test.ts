import { afterAll, describe, expect, it } from 'vitest';
import type { TheThucReport } from '../../../preload/contract/the-thuc.ts';
import { usePki } from '../../support/pki/use-pki.ts';
import { issuingProfile } from './issuing-support.ts';

const pki = usePki();

describe('theThuc.checkDraft: the thể thức of the stored draft, through the handler table (#21)', () => {
  const app = issuingProfile(pki);
  const { call, value, services } = app;
  afterAll(async () => {
    await services.store.close();
    await services.tokens.stop();
  });

  it('checks the draft the leader will sign and explains every finding', async () => {
    const doc = await app.draft();
    const report = value<TheThucReport>(await call('theThuc.checkDraft', { id: doc.id }));
    expect(report.pageCount).toBe(1);
    expect(report.rulesChecked).toContain('quoc-hieu');
    // The HTML-made fixture has no rule under tiêu ngữ: the one defect it carries.
    expect(report.findings.map((f) => f.rule)).toContain('tieu-ngu-gach');
    for (const f of report.findings) {
      expect(f.source).toMatch(/Phụ lục I/);
      expect(f.pageIndex).toBe(0);
    }
  });

  it('says NOT_FOUND for a document without a stored draft', async () => {
    const result = await call('theThuc.checkDraft', { id: 'khong-co' });
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.error.code).toBe('NOT_FOUND');
  });
});
