import { useState } from 'react';
import type { AppError } from '../../../preload/contract/index.ts';
import type { PrintedRegister } from '../../../preload/contract/registers.ts';
import { clearDraft, readDraft, writeDraft } from '../../app/drafts.ts';
import { ErrorNotice } from '../../app/feedback/ErrorNotice.tsx';
import { Progress } from '../../app/feedback/Progress.tsx';
import { Field } from '../../app/forms/Field.tsx';
import { hasErrors, type FieldErrors } from '../../app/forms/field-errors.ts';
import { SelectField } from '../../app/forms/SelectField.tsx';
import { call } from '../../app/ipc/call.ts';
import { vi } from '../../i18n/vi.ts';
import { todayInVietnam } from '../../shared/dates.ts';

interface PrintForm {
  kind: 'den' | 'di';
  year: string;
  fromDate: string;
  toDate: string;
}
type PrintField = keyof PrintForm;
const DRAFT_KEY = 'registers.print';

/** The browser shell has no save dialog: hand the bytes main produced to the browser's download. */
function download(printed: PrintedRegister): void {
  if (printed.base64 === null) {
    return;
  }
  const binary = atob(printed.base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) {
    bytes[i] = binary.charCodeAt(i);
  }
  const url = URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = printed.fileName;
  link.click();
  // The click has started the download; the object URL is no longer needed.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

function validate(f: PrintForm): FieldErrors<PrintField> {
  const errors: FieldErrors<PrintField> = {};
  const year = Number(f.year);
  if (!Number.isInteger(year) || year < 2000 || year > 2100) {
    errors.year = vi.registers.errors.year;
  }
  return errors;
}

/**
 * Print a register to PDF with the Phụ lục IV columns (ND30 asks for a printed, signed register).
 * `defaultYear` is the newest year main holds a sổ đến for: the year main numbers in, not this
 * screen's clock.
 */
export function PrintRegister({ defaultYear }: { readonly defaultYear?: number | undefined }) {
  const [form, setForm] = useState<PrintForm>(
    () =>
      readDraft<PrintForm>(DRAFT_KEY) ?? {
        kind: 'den',
        year: defaultYear === undefined ? todayInVietnam().slice(0, 4) : String(defaultYear),
        fromDate: '',
        toDate: '',
      },
  );
  const [errors, setErrors] = useState<FieldErrors<PrintField>>({});
  const [failure, setFailure] = useState<AppError | null>(null);
  const [printing, setPrinting] = useState(false);
  const [printed, setPrinted] = useState<PrintedRegister | null>(null);
  const set = (field: PrintField) => (value: string) => {
    const next = { ...form, [field]: value };
    setForm(next);
    writeDraft(DRAFT_KEY, next);
  };
  const print = async (): Promise<void> => {
    const found = validate(form);
    setErrors(found);
    setFailure(null);
    setPrinted(null);
    if (hasErrors(found)) {
      return;
    }
    setPrinting(true);
    const result = await call('registers.print', {
      kind: form.kind,
      year: Number(form.year),
      ...(form.fromDate === '' ? {} : { fromDate: form.fromDate }),
      ...(form.toDate === '' ? {} : { toDate: form.toDate }),
    });
    setPrinting(false);
    if (result.ok) {
      clearDraft(DRAFT_KEY);
      download(result.value);
      setPrinted(result.value);
    } else {
      setFailure(result.error);
    }
  };
  const r = vi.registers;
  return (
    <form
      className="form"
      noValidate
      aria-labelledby="print-title"
      onSubmit={(e) => {
        e.preventDefault();
        void print();
      }}
    >
      <h2 id="print-title">{r.print}</h2>
      {failure === null ? null : <ErrorNotice error={failure} />}
      <fieldset>
        <legend>{r.print}</legend>
        <div className="form-grid">
          <SelectField
            label={r.kind}
            value={form.kind}
            onChange={set('kind')}
            options={[
              { value: 'den', label: r.kinds.den },
              { value: 'di', label: r.kinds.di },
            ]}
          />
          <Field label={r.year} type="number" value={form.year} onChange={set('year')} error={errors.year} />
          <Field label={r.fromDate} type="date" value={form.fromDate} onChange={set('fromDate')} />
          <Field label={r.toDate} type="date" value={form.toDate} onChange={set('toDate')} />
        </div>
        <p className="hint">{r.saveHint}</p>
      </fieldset>
      {printing ? <Progress label={r.printing} /> : null}
      {printed === null ? null : (
        <p className="notice notice-ok" role="status" data-testid="printed">
          {printed.savedAs === null && printed.base64 === null
            ? r.notSaved(printed.rows)
            : r.printed(printed.savedAs ?? printed.fileName, printed.rows, printed.base64 !== null)}
        </p>
      )}
      <button type="submit" disabled={printing}>
        {r.print}
      </button>
    </form>
  );
}
