import { describe, expect, it } from 'vitest';
import { filterRequest, soKyHieu } from '../../renderer/features/incoming/incoming-filters.ts';
import { dateVi } from '../../renderer/shared/dates.ts';

describe('the văn bản đến list’s quick filters (renderer/features/incoming/incoming-filters.ts)', () => {
  it('asks the store for one state per filter, or the overdue rule, with the search trimmed', () => {
    expect(filterRequest('all', '  ')).toEqual({});
    expect(filterRequest('received', ' Quyết định ')).toEqual({ search: 'Quyết định', state: 'da-den' });
    expect(filterRequest('waiting', '')).toEqual({ state: 'da-tiep-nhan' });
    expect(filterRequest('submitted', '')).toEqual({ state: 'da-trinh' });
    expect(filterRequest('processing', '')).toEqual({ state: 'dang-xu-ly' });
    expect(filterRequest('overdue', '')).toEqual({ overdue: true });
  });

  it('writes số, ký hiệu as 15/QĐ-UBND, and the số alone without a ký hiệu', () => {
    expect(soKyHieu({ so: '15', kyHieu: 'QĐ-UBND' })).toBe('15/QĐ-UBND');
    expect(soKyHieu({ so: '15', kyHieu: '' })).toBe('15');
  });

  it('writes a date day first, as Vietnamese documents do', () => {
    expect(dateVi('2026-03-05')).toBe('05/03/2026');
    expect(dateVi('2026-03-05T08:00:00+07:00')).toBe('05/03/2026');
    expect(dateVi(null)).toBe('');
  });
});
