import type { OutgoingInput } from '../../../preload/contract/outgoing.ts';
import type { FieldErrors } from '../../app/forms/field-errors.ts';
import { vi } from '../../i18n/vi.ts';

/** A draft outgoing document as typed; recipients one per line as "mã định danh | tên cơ quan". */
export interface DraftForm {
  tenLoai: string;
  kyHieu: string;
  trichYeu: string;
  coQuanBanHanh: string;
  nguoiKy: string;
  chucVu: string;
  doKhan: string;
  hanTraLoi: string;
  recipients: string;
}
export type DraftField = keyof DraftForm;

export function emptyDraft(orgName: string): DraftForm {
  return {
    tenLoai: '',
    kyHieu: '',
    trichYeu: '',
    coQuanBanHanh: orgName,
    nguoiKy: '',
    chucVu: '',
    doKhan: '0',
    hanTraLoi: '',
    recipients: '',
  };
}

interface Recipient {
  maDinhDanh: string;
  ten: string;
}

export function parseRecipients(text: string): Recipient[] | null {
  const out: Recipient[] = [];
  for (const line of text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)) {
    const [code, ...name] = line.split('|');
    const maDinhDanh = (code ?? '').trim();
    const ten = name.join('|').trim();
    if (maDinhDanh === '' || ten === '' || maDinhDanh.length > 35 || ten.length > 200) {
      return null;
    }
    out.push({ maDinhDanh, ten });
  }
  return out;
}

const LIMITS: Partial<Record<DraftField, number>> = {
  tenLoai: 100,
  kyHieu: 30,
  trichYeu: 500,
  coQuanBanHanh: 200,
  nguoiKy: 50,
  chucVu: 100,
};

export function validateDraft(f: DraftForm): FieldErrors<DraftField> {
  const errors: FieldErrors<DraftField> = {};
  for (const field of ['tenLoai', 'kyHieu', 'trichYeu', 'coQuanBanHanh'] as const) {
    if (f[field].trim() === '') {
      errors[field] = vi.forms.required;
    }
  }
  for (const [field, max] of Object.entries(LIMITS) as [DraftField, number][]) {
    if (errors[field] === undefined && f[field].trim().length > max) {
      errors[field] = vi.forms.tooLong(max);
    }
  }
  // The number comes at cấp số; a ký hiệu typed with it would print twice.
  if (errors.kyHieu === undefined && /^\d+\s*\//.test(f.kyHieu.trim())) {
    errors.kyHieu = vi.outgoing.errors.kyHieuWithNumber;
  }
  if (parseRecipients(f.recipients) === null) {
    errors.recipients = vi.outgoing.errors.recipients;
  }
  return errors;
}

export function inputFromDraft(f: DraftForm): OutgoingInput {
  return {
    tenLoai: f.tenLoai.trim(),
    kyHieu: f.kyHieu.trim(),
    trichYeu: f.trichYeu.trim(),
    coQuanBanHanh: f.coQuanBanHanh.trim(),
    maHoSo: null,
    ngonNgu: 'Tiếng Việt',
    soTrang: null,
    ghiChu: '',
    chucVu: f.chucVu.trim(),
    nguoiKy: f.nguoiKy.trim(),
    doKhan: Number(f.doKhan),
    doMat: 0,
    soLuongBan: 1,
    hanTraLoi: f.hanTraLoi === '' ? null : f.hanTraLoi,
    noiLuu: '',
    series: '',
    recipients: parseRecipients(f.recipients) ?? [],
  };
}
