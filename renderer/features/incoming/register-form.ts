import type { IncomingInput } from '../../../preload/contract/incoming.ts';
import { METADATA_FIELDS, type DocumentMetadataDto } from '../../../preload/contract/metadata.ts';
import type { VerifyReport } from '../../../preload/contract/verify.ts';
import type { FieldErrors } from '../../app/forms/field-errors.ts';
import { vi } from '../../i18n/vi.ts';
import type { HeaderFields } from '../../shared/pdf/header-fields.ts';
import { todayInVietnam } from '../../shared/dates.ts';

/**
 * The registration form as typed: every Phụ lục VI II field the văn thư enters (số đến is the
 * app's). The PDF is not typed: it is a chosen file, held beside the form by its handle.
 */
export interface RegisterForm {
  source: 'truc' | 'email' | 'giay' | 'khac';
  tenLoai: string;
  so: string;
  kyHieu: string;
  ngayBanHanh: string;
  coQuanBanHanh: string;
  maCoQuanBanHanh: string;
  trichYeu: string;
  nguoiKy: string;
  chucVu: string;
  soTrang: string;
  doKhan: string;
  doMat: string;
  noiNhan: string;
  hanXuLy: string;
  maDinhDanhVanBan: string;
  maHoSo: string;
  ngonNgu: string;
  ghiChu: string;
}
export type RegisterField = keyof RegisterForm;

export function emptyRegisterForm(): RegisterForm {
  return {
    source: 'giay',
    tenLoai: '',
    so: '',
    kyHieu: '',
    ngayBanHanh: '',
    coQuanBanHanh: '',
    maCoQuanBanHanh: '',
    trichYeu: '',
    nguoiKy: '',
    chucVu: '',
    soTrang: '',
    doKhan: '0',
    doMat: '0',
    noiNhan: '',
    hanXuLy: '',
    maDinhDanhVanBan: '',
    maHoSo: '',
    ngonNgu: 'Tiếng Việt',
    ghiChu: '',
  };
}

/** Phụ lục VI lengths, mirrored from the contract's schema so the message appears before the round trip. */
export const MAX_LENGTH: Partial<Record<RegisterField, number>> = {
  tenLoai: 100,
  so: 11,
  kyHieu: 30,
  coQuanBanHanh: 200,
  maCoQuanBanHanh: 35,
  trichYeu: 500,
  nguoiKy: 50,
  chucVu: 100,
  noiNhan: 1000,
  maDinhDanhVanBan: 120,
  maHoSo: 37,
  ngonNgu: 30,
  ghiChu: 500,
};

const REQUIRED: readonly RegisterField[] = ['tenLoai', 'so', 'ngayBanHanh', 'coQuanBanHanh', 'trichYeu'];

function isCalendarDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (m === null) {
    return false;
  }
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

/** What the form checks besides its fields: whether a PDF was chosen. */
export type RegisterErrors = FieldErrors<RegisterField | 'file'>;

export function validateRegisterForm(
  f: RegisterForm,
  hasFile: boolean,
  today: string = todayInVietnam(),
): RegisterErrors {
  const errors: RegisterErrors = {};
  for (const field of REQUIRED) {
    if (f[field].trim() === '') {
      errors[field] = vi.forms.required;
    }
  }
  for (const [field, max] of Object.entries(MAX_LENGTH) as [RegisterField, number][]) {
    if (errors[field] === undefined && f[field].trim().length > max) {
      errors[field] = vi.forms.tooLong(max);
    }
  }
  // "Số" is the number alone; the symbol goes in "Ký hiệu" (15 and QĐ-UBND, not 15/QĐ-UBND).
  if (errors.so === undefined && f.so.trim() !== '' && f.so.includes('/')) {
    errors.so = vi.incoming.errors.soWithSlash;
  }
  for (const field of ['ngayBanHanh', 'hanXuLy'] as const) {
    if (errors[field] === undefined && f[field] !== '' && !isCalendarDate(f[field])) {
      errors[field] = vi.forms.invalidDate;
    }
  }
  if (errors.ngayBanHanh === undefined && f.ngayBanHanh > today) {
    errors.ngayBanHanh = vi.incoming.errors.issuedInFuture;
  }
  if (errors.hanXuLy === undefined && f.hanXuLy !== '' && f.ngayBanHanh !== '' && f.hanXuLy < f.ngayBanHanh) {
    errors.hanXuLy = vi.incoming.errors.deadlineBeforeIssue;
  }
  if (f.soTrang.trim() !== '' && !/^[1-9]\d{0,2}$/.test(f.soTrang.trim())) {
    errors.soTrang = vi.incoming.errors.pages;
  }
  if (f.source !== 'giay' && !hasFile) {
    errors.file = vi.incoming.errors.fileNeeded;
  }
  return errors;
}

const orNull = (text: string): string | null => (text.trim() === '' ? null : text.trim());

export function inputFromForm(f: RegisterForm): IncomingInput {
  return {
    maDinhDanhVanBan: orNull(f.maDinhDanhVanBan),
    maHoSo: orNull(f.maHoSo),
    tenLoai: f.tenLoai.trim(),
    so: f.so.trim(),
    kyHieu: f.kyHieu.trim(),
    ngayBanHanh: f.ngayBanHanh,
    coQuanBanHanh: f.coQuanBanHanh.trim(),
    maCoQuanBanHanh: orNull(f.maCoQuanBanHanh),
    trichYeu: f.trichYeu.trim(),
    ngonNgu: f.ngonNgu.trim() || 'Tiếng Việt',
    soTrang: f.soTrang.trim() === '' ? null : Number(f.soTrang),
    ghiChu: f.ghiChu.trim(),
    chucVu: f.chucVu.trim(),
    nguoiKy: f.nguoiKy.trim(),
    doKhan: Number(f.doKhan),
    doMat: Number(f.doMat),
    noiNhan: f.noiNhan.trim(),
    hanXuLy: f.hanXuLy === '' ? null : f.hanXuLy,
    source: f.source,
  };
}

/**
 * Fill what the verification report knows and the user has not typed: the signer's name as in
 * the certificate, and the organization of the organization signature (the seal).
 */
export function prefillFromReport(
  f: RegisterForm,
  report: VerifyReport,
  /** Fields the document's text filled: the certificate wins over them. */
  fromText: ReadonlySet<RegisterField> = new Set(),
): { form: RegisterForm; filled: RegisterField[] } {
  const next = { ...f };
  const filled: RegisterField[] = [];
  const personal = report.signatures.find((s) => s.kind === 'signature' && s.signer.organization === '');
  const any = report.signatures.find((s) => s.kind === 'signature');
  const withOrg = report.signatures.find((s) => s.kind === 'signature' && s.signer.organization !== '');
  const signer = personal ?? any;
  if ((next.nguoiKy === '' || fromText.has('nguoiKy')) && signer !== undefined && signer !== withOrg) {
    next.nguoiKy = signer.signer.commonName.slice(0, 50);
    filled.push('nguoiKy');
  }
  if ((next.coQuanBanHanh === '' || fromText.has('coQuanBanHanh')) && withOrg !== undefined) {
    next.coQuanBanHanh = withOrg.signer.organization.slice(0, 200);
    filled.push('coQuanBanHanh');
  }
  return { form: next, filled };
}

/** Map the host's zod issue paths (input.tenLoai …) onto the form. */
export const registerFieldOfIssue: Readonly<Record<string, RegisterField>> = Object.fromEntries(
  (Object.keys(emptyRegisterForm()) as RegisterField[]).map((k) => [k, k]),
);

/** Fill the empty fields from what page 1 of the document says; what the user typed is kept. */
export function prefillFromText(f: RegisterForm, found: HeaderFields): { form: RegisterForm; filled: RegisterField[] } {
  const next = { ...f };
  const filled: RegisterField[] = [];
  for (const field of ['so', 'kyHieu', 'ngayBanHanh', 'tenLoai', 'trichYeu'] as const) {
    const value = found[field];
    if (value !== undefined && next[field].trim() === '') {
      next[field] = value;
      filled.push(field);
    }
  }
  return { form: next, filled };
}

/** Below this a field read from the text is left for the văn thư to type. */
const MIN_CONFIDENCE = 0.5;
const FROM_METADATA = METADATA_FIELDS satisfies readonly (keyof DocumentMetadataDto & RegisterField)[];

/**
 * Fill the empty fields main read from the document's text layer (`metadata.read`). A field the
 * verification report or the user already filled stays: the certificate's signer wins.
 */
export function prefillFromMetadata(
  f: RegisterForm,
  found: DocumentMetadataDto,
): { form: RegisterForm; filled: RegisterField[] } {
  const next = { ...f };
  const filled: RegisterField[] = [];
  for (const field of FROM_METADATA) {
    const read = found[field];
    if (read !== undefined && read.confidence >= MIN_CONFIDENCE && next[field].trim() === '') {
      next[field] = read.value.slice(0, MAX_LENGTH[field] ?? read.value.length);
      filled.push(field);
    }
  }
  return { form: next, filled };
}
