import { describe, expect, it } from 'vitest';
import {
  ageVi,
  combineVerdicts,
  formatTimeVi,
  problem,
  verdictOf,
} from '../../../main/services/pdf/verify/problems.ts';

describe('verdicts and Vietnamese reasons', () => {
  it('invalid beats indeterminate beats valid; informative problems keep a signature valid', () => {
    expect(verdictOf([problem('SIGNING_TIME_CLAIMED'), problem('CHANGES_PERMITTED')])).toBe('valid');
    expect(verdictOf([problem('REVOCATION_UNKNOWN'), problem('SIGNING_TIME_CLAIMED')])).toBe('indeterminate');
    expect(verdictOf([problem('REVOCATION_UNKNOWN'), problem('DIGEST_MISMATCH')])).toBe('invalid');
    expect(combineVerdicts(['valid', 'indeterminate'])).toBe('indeterminate');
    expect(combineVerdicts(['indeterminate', 'invalid', 'valid'])).toBe('invalid');
    // A document with no signature cannot be accepted as signed.
    expect(combineVerdicts([])).toBe('invalid');
  });

  it('problem texts are Vietnamese sentences with the specifics appended', () => {
    expect(problem('CERT_REVOKED', 'Ngày thu hồi: 01/01/2026.').message).toBe(
      'Chứng thư số đã bị thu hồi. Ngày thu hồi: 01/01/2026.',
    );
    expect(formatTimeVi(new Date('2026-11-22T01:30:00Z'))).toBe('08:30 ngày 22/11/2026');
    const now = new Date('2026-11-22T12:00:00Z');
    expect(ageVi(new Date('2026-11-22T11:55:00Z'), now)).toBe('5 phút trước');
    expect(ageVi(new Date('2026-11-22T02:00:00Z'), now)).toBe('10 giờ trước');
    expect(ageVi(new Date('2026-11-12T12:00:00Z'), now)).toBe('10 ngày trước');
  });
});
