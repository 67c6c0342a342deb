import { RecipientPicker } from './RecipientPicker.tsx';
import { useState } from 'react';
import type { AppError, ChosenFile } from '../../../preload/contract/index.ts';
import type { PlacedFields } from '../../../preload/contract/issuing.ts';
import { FilePick } from '../../app/files/FilePick.tsx';
import { clearDraft, readDraft, writeDraft } from '../../app/drafts.ts';
import { ErrorNotice } from '../../app/feedback/ErrorNotice.tsx';
import { Progress } from '../../app/feedback/Progress.tsx';
import { Field } from '../../app/forms/Field.tsx';
import { hasErrors, type FieldErrors } from '../../app/forms/field-errors.ts';
import { SelectField } from '../../app/forms/SelectField.tsx';
import { SHORTCUTS, useShortcut } from '../../app/frame/shortcuts.ts';
import { navigate } from '../../app/frame/use-route.ts';
import { call } from '../../app/ipc/call.ts';
import { vi } from '../../i18n/vi.ts';
import { emptyDraft, inputFromDraft, validateDraft, type DraftField, type DraftForm } from './draft-form.ts';
import type { FieldKind } from './field-box.ts';
import { FieldPlacement } from './FieldPlacement.tsx';

/** The field a PDF_FIELD_PLACEMENT_NOT_FOUND refusal names, for the person to place. */
function missingField(error: AppError): FieldKind | null {
  const kind = error.details?.['kind'];
  return error.code === 'PDF_FIELD_PLACEMENT_NOT_FOUND' && (kind === 'so' || kind === 'ngay') ? kind : null;
}

const DRAFT_KEY = 'outgoing.new';

/** A new dự thảo: the Phụ lục VI I fields known before signing, and the recipients. */
export function DraftOutgoing() {
  const [form, setForm] = useState<DraftForm>(() => readDraft<DraftForm>(DRAFT_KEY) ?? emptyDraft(''));
  const [errors, setErrors] = useState<FieldErrors<DraftField>>({});
  const [failure, setFailure] = useState<AppError | null>(null);
  const [saving, setSaving] = useState(false);
  // Handles only: the chosen files are already in main's store; a reload asks for them again.
  const [pdf, setPdf] = useState<ChosenFile | null>(null);
  const [source, setSource] = useState<ChosenFile | null>(null);
  // Boxes placed by hand for fields the draft's text did not reveal; they belong to that PDF.
  const [placed, setPlaced] = useState<PlacedFields>({});
  const [missing, setMissing] = useState<FieldKind | null>(null);
  const choosePdf = (file: ChosenFile): void => {
    setPdf(file);
    setPlaced({});
    setMissing(null);
  };
  const set = (field: DraftField) => (value: string) => {
    const next = { ...form, [field]: value };
    setForm(next);
    writeDraft(DRAFT_KEY, next);
  };
  const save = async (): Promise<void> => {
    const found = validateDraft(form);
    setErrors(found);
    setFailure(null);
    if (hasErrors(found)) {
      return;
    }
    setSaving(true);
    const input = inputFromDraft(form);
    // With its files the draft enters the issuing journey (the leader signs that PDF); without
    // them it is a record only, to which files cannot be added later here.
    const result =
      pdf !== null && source !== null
        ? await call('issuing.createDraft', { input, pdf: pdf.handle, source: source.handle, placed })
        : await call('outgoing.create', { input });
    setSaving(false);
    if (!result.ok) {
      setFailure(result.error);
      setMissing(missingField(result.error) ?? missing);
      return;
    }
    clearDraft(DRAFT_KEY);
    navigate('outgoing', result.value.id);
  };
  useShortcut(SHORTCUTS.save, () => void save());
  const f = vi.outgoing.fields;
  const field = (
    name: DraftField,
    label: string,
    extra: { required?: boolean; rows?: number; hint?: string; type?: 'date' } = {},
  ) => <Field name={name} label={label} value={form[name]} onChange={set(name)} error={errors[name]} {...extra} />;
  return (
    <form
      className="form"
      noValidate
      aria-labelledby="draft-title"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h2 id="draft-title">{vi.outgoing.newDraft}</h2>
      {failure === null ? null : (
        // "Thử lại" only where main says trying again can help (a busy store, a file being written).
        <ErrorNotice error={failure} {...(failure.retryable ? { onRetry: () => void save() } : {})} />
      )}
      <fieldset>
        <legend>{vi.outgoing.groups.document}</legend>
        <div className="form-grid">
          {field('tenLoai', f.tenLoai, { required: true })}
          {field('kyHieu', f.kyHieu, { required: true, hint: f.kyHieuHint })}
          {field('coQuanBanHanh', f.coQuanBanHanh, { required: true })}
          <SelectField
            label={f.doKhan}
            value={form.doKhan}
            onChange={set('doKhan')}
            options={vi.incoming.doKhan.map((label, i) => ({ value: String(i), label }))}
          />
          {field('hanTraLoi', f.hanTraLoi, { type: 'date' })}
        </div>
        {field('trichYeu', f.trichYeu, { required: true, rows: 3 })}
      </fieldset>
      <fieldset>
        <legend>{vi.outgoing.groups.signer}</legend>
        <div className="form-grid">
          {field('nguoiKy', f.nguoiKy)}
          {field('chucVu', f.chucVu)}
        </div>
      </fieldset>
      <fieldset>
        <legend>{vi.outgoing.groups.recipients}</legend>
        {field('recipients', f.recipients, { rows: 4, hint: f.recipientsHint })}
        <RecipientPicker lines={form.recipients} onChange={set('recipients')} />
      </fieldset>
      <fieldset>
        <legend>{vi.issuing.draftFiles}</legend>
        <p className="hint">{vi.issuing.draftFilesHint}</p>
        <FilePick purpose="pdf" chosen={pdf} onChosen={choosePdf} onError={setFailure} testId="draft-pdf" />
        <FilePick purpose="nguon" chosen={source} onChosen={setSource} onError={setFailure} testId="draft-source" />
        {pdf === null || missing === null ? null : (
          <FieldPlacement
            pdf={pdf}
            kind={missing}
            placed={placed}
            onPlace={(kind, field) => {
              const { [kind]: _old, ...others } = placed;
              setPlaced(field === undefined ? others : { ...others, [kind]: field });
            }}
            onError={setFailure}
          />
        )}
      </fieldset>
      {saving ? <Progress label={vi.outgoing.saving} /> : null}
      <div className="actions">
        <button type="submit" disabled={saving} aria-keyshortcuts="Control+S">
          {vi.outgoing.saveDraft}
        </button>
      </div>
    </form>
  );
}
