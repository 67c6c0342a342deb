import { describe, expect, it } from 'vitest';
import { OutgoingInputSchema } from '../../preload/contract/outgoing.ts';
import {
  emptyDraft,
  inputFromDraft,
  parseRecipients,
  validateDraft,
  type DraftForm,
} from '../../renderer/features/outgoing/draft-form.ts';
import { vi } from '../../renderer/i18n/vi.ts';

/** A draft as a chuyên viên would type it, valid in every field. */
const typed = (patch: Partial<DraftForm> = {}): DraftForm => ({
  ...emptyDraft('UBND xã Tân Lập'),
  tenLoai: 'Công văn',
  kyHieu: 'UBND-VP',
  trichYeu: 'V/v tổ chức hội nghị',
  nguoiKy: 'Nguyễn Văn An',
  chucVu: 'Chủ tịch',
  recipients: 'H09.01 | UBND huyện Lục Nam\nH09.02 | Sở Nội vụ',
  ...patch,
});

describe('the dự thảo form (renderer/features/outgoing/draft-form.ts)', () => {
  it('starts with the organization as cơ quan ban hành and độ khẩn thường', () => {
    expect(emptyDraft('UBND xã Tân Lập')).toMatchObject({ coQuanBanHanh: 'UBND xã Tân Lập', doKhan: '0' });
  });

  it('accepts a complete draft, and names each empty required field', () => {
    expect(validateDraft(typed())).toEqual({});
    const errors = validateDraft(typed({ tenLoai: ' ', kyHieu: '', trichYeu: '', coQuanBanHanh: '' }));
    expect(errors).toEqual({
      tenLoai: vi.forms.required,
      kyHieu: vi.forms.required,
      trichYeu: vi.forms.required,
      coQuanBanHanh: vi.forms.required,
    });
  });

  it('refuses a field past its length, saying the limit', () => {
    expect(validateDraft(typed({ kyHieu: 'X'.repeat(31) }))).toEqual({ kyHieu: vi.forms.tooLong(30) });
    expect(validateDraft(typed({ kyHieu: 'X'.repeat(30) }))).toEqual({});
  });

  it('refuses a ký hiệu typed with its number: the number comes at cấp số', () => {
    expect(validateDraft(typed({ kyHieu: '15/UBND-VP' }))).toEqual({
      kyHieu: vi.outgoing.errors.kyHieuWithNumber,
    });
    expect(validateDraft(typed({ kyHieu: 'UBND-VP' })).kyHieu).toBeUndefined();
  });

  it('reads recipients one per line as mã định danh | tên, and refuses a line without either', () => {
    expect(parseRecipients(' H09.01 | UBND huyện | Lục Nam \n\n')).toEqual([
      { maDinhDanh: 'H09.01', ten: 'UBND huyện | Lục Nam' },
    ]);
    expect(parseRecipients('H09.01')).toBeNull();
    expect(parseRecipients(' | Sở Nội vụ')).toBeNull();
    expect(validateDraft(typed({ recipients: 'H09.01' }))).toEqual({ recipients: vi.outgoing.errors.recipients });
  });

  it('turns a valid draft into an input the contract accepts, trimmed, with độ khẩn a number', () => {
    const input = inputFromDraft(typed({ trichYeu: '  V/v họp  ', doKhan: '2', hanTraLoi: '2027-01-15' }));
    expect(OutgoingInputSchema.parse(input)).toMatchObject({
      trichYeu: 'V/v họp',
      doKhan: 2,
      hanTraLoi: '2027-01-15',
      recipients: [
        { maDinhDanh: 'H09.01', ten: 'UBND huyện Lục Nam' },
        { maDinhDanh: 'H09.02', ten: 'Sở Nội vụ' },
      ],
    });
    expect(inputFromDraft(typed()).hanTraLoi).toBeNull();
  });
});
