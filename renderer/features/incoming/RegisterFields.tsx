import { Field } from '../../app/forms/Field.tsx';
import type { FieldErrors } from '../../app/forms/field-errors.ts';
import { vi } from '../../i18n/vi.ts';
import { MAX_LENGTH, type RegisterField, type RegisterForm } from './register-form.ts';
import { SelectField } from '../../app/forms/SelectField.tsx';

/** ND30 Điều 7: the administrative document types, offered as suggestions (free text stays allowed). */
const TEN_LOAI = [
  'Công văn',
  'Quyết định',
  'Nghị quyết',
  'Chỉ thị',
  'Quy chế',
  'Quy định',
  'Thông cáo',
  'Thông báo',
  'Hướng dẫn',
  'Chương trình',
  'Kế hoạch',
  'Phương án',
  'Đề án',
  'Dự án',
  'Báo cáo',
  'Biên bản',
  'Tờ trình',
  'Hợp đồng',
  'Công điện',
  'Bản ghi nhớ',
  'Bản thỏa thuận',
  'Giấy ủy quyền',
  'Giấy mời',
  'Giấy giới thiệu',
  'Giấy nghỉ phép',
  'Phiếu gửi',
  'Phiếu chuyển',
  'Phiếu báo',
  'Thư công',
];

interface Props {
  readonly form: RegisterForm;
  readonly errors: FieldErrors<RegisterField>;
  readonly set: (field: RegisterField) => (value: string) => void;
}

/** The Phụ lục VI II fields of an incoming document, grouped as a văn thư reads the paper. */
export function RegisterFields({ form, errors, set }: Props) {
  const f = vi.incoming.fields;
  const text = (
    field: RegisterField,
    label: string,
    extra: { required?: boolean; rows?: number; hint?: string; type?: 'date' | 'number' } = {},
  ) => (
    <Field
      name={field}
      label={label}
      value={form[field]}
      onChange={set(field)}
      error={errors[field]}
      maxLength={MAX_LENGTH[field]}
      {...extra}
    />
  );
  return (
    <>
      <fieldset>
        <legend>{vi.incoming.groups.identity}</legend>
        <div className="form-grid">
          <Field
            name="tenLoai"
            label={f.tenLoai}
            value={form.tenLoai}
            onChange={set('tenLoai')}
            error={errors.tenLoai}
            required
            list="ten-loai"
            maxLength={100}
          />
          <datalist id="ten-loai">
            {TEN_LOAI.map((t) => (
              <option key={t} value={t} />
            ))}
          </datalist>
          {text('so', f.so, { required: true, hint: f.soHint })}
          {text('kyHieu', f.kyHieu)}
          {text('ngayBanHanh', f.ngayBanHanh, { required: true, type: 'date' })}
          {text('coQuanBanHanh', f.coQuanBanHanh, { required: true })}
          {text('maCoQuanBanHanh', f.maCoQuanBanHanh)}
        </div>
        {text('trichYeu', f.trichYeu, { required: true, rows: 3 })}
      </fieldset>
      <fieldset>
        <legend>{vi.incoming.groups.signer}</legend>
        <div className="form-grid">
          {text('nguoiKy', f.nguoiKy)}
          {text('chucVu', f.chucVu)}
        </div>
      </fieldset>
      <fieldset>
        <legend>{vi.incoming.groups.handling}</legend>
        <div className="form-grid">
          <SelectField
            label={f.doKhan}
            value={form.doKhan}
            onChange={set('doKhan')}
            options={vi.incoming.doKhan.map((label, i) => ({ value: String(i), label }))}
          />
          <SelectField
            label={f.doMat}
            value={form.doMat}
            onChange={set('doMat')}
            options={vi.incoming.doMat.map((label, i) => ({ value: String(i), label }))}
          />
          {text('hanXuLy', f.hanXuLy, { type: 'date' })}
          {text('soTrang', f.soTrang, { type: 'number' })}
        </div>
        {form.doMat !== '0' && (
          <p className="notice" role="note" data-testid="secret-stays-local">
            {vi.incoming.secretStaysLocal}
          </p>
        )}
        {text('noiNhan', f.noiNhan, { rows: 2 })}
      </fieldset>
      <fieldset>
        <legend>{vi.incoming.groups.more}</legend>
        <div className="form-grid">
          {text('maDinhDanhVanBan', f.maDinhDanhVanBan)}
          {text('maHoSo', f.maHoSo)}
          {text('ngonNgu', f.ngonNgu)}
        </div>
        {text('ghiChu', f.ghiChu, { rows: 2 })}
      </fieldset>
    </>
  );
}
