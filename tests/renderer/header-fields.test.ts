import { describe, expect, it } from 'vitest';
import { readHeaderFields } from '../../renderer/shared/pdf/header-fields.ts';

describe('page-1 autofill in the registration form reads every số, ký hiệu form (#21)', () => {
  it('keeps the year of a legal document in the ký hiệu: 69/2024/QĐ-UBND', () => {
    const found = readHeaderFields(['UBND TỈNH BẮC NINH', 'Số: 69/2024/QĐ-UBND', 'QUYẾT ĐỊNH']);
    expect(found.so).toBe('69');
    expect(found.kyHieu).toBe('2024/QĐ-UBND');
  });

  it('reads the plain form and a party document form', () => {
    expect(readHeaderFields(['Số: 15/QĐ-UBND'])).toMatchObject({ so: '15', kyHieu: 'QĐ-UBND' });
    expect(readHeaderFields(['Số: 15-TB/HU'])).toMatchObject({ so: '15', kyHieu: 'TB/HU' });
  });
});
