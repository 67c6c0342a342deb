import { describe, expect, it } from 'vitest';
import type { VerifyReport } from '../../preload/contract/verify.ts';
import {
  emptyRegisterForm,
  prefillFromMetadata,
  prefillFromReport,
} from '../../renderer/features/incoming/register-form.ts';

const read = (value: string, confidence = 0.9) => ({ value, confidence, evidence: value });
const METADATA = {
  so: read('69'),
  kyHieu: read('2024/QĐ-UBND'),
  nguoiKy: read('Nguyễn Thị Loan'),
  chucVu: read('PHÓ CHỦ TỊCH'),
  coQuanBanHanh: read('ỦY BAN NHÂN DÂN', 0.3),
};
/** Only what prefillFromReport reads of a report: one personal signature. */
const REPORT = {
  signatures: [{ kind: 'signature', signer: { commonName: 'NGUYỄN THỊ LOAN (chứng thư)', organization: '' } }],
} as unknown as VerifyReport;

describe('registration form pre-filled from metadata read in main (#21)', () => {
  it('fills empty fields read with enough confidence, the year-form số included', () => {
    const { form, filled } = prefillFromMetadata(emptyRegisterForm(), METADATA);
    expect(form.so).toBe('69');
    expect(form.kyHieu).toBe('2024/QĐ-UBND');
    expect(form.chucVu).toBe('PHÓ CHỦ TỊCH');
    // Confidence 0.3: left for the văn thư.
    expect(form.coQuanBanHanh).toBe('');
    expect(filled).not.toContain('coQuanBanHanh');
  });

  it('the verification report signer wins over the text, in either order', () => {
    const textFirst = prefillFromMetadata(emptyRegisterForm(), METADATA);
    const thenReport = prefillFromReport(textFirst.form, REPORT, new Set(textFirst.filled));
    expect(thenReport.form.nguoiKy).toBe('NGUYỄN THỊ LOAN (chứng thư)');
    const reportFirst = prefillFromReport(emptyRegisterForm(), REPORT);
    const thenText = prefillFromMetadata(reportFirst.form, METADATA);
    expect(thenText.form.nguoiKy).toBe('NGUYỄN THỊ LOAN (chứng thư)');
  });

  it('never overwrites what the person typed', () => {
    const typed = { ...emptyRegisterForm(), so: '70' };
    expect(prefillFromMetadata(typed, METADATA).form.so).toBe('70');
  });
});
