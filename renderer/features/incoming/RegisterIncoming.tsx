import { useState } from 'react';
import type { AppError, ChosenFile } from '../../../preload/contract/index.ts';
import type { IncomingAddResult } from '../../../preload/contract/incoming.ts';
import type { DocumentMetadataDto } from '../../../preload/contract/metadata.ts';
import type { VerifyReport } from '../../../preload/contract/verify.ts';
import { clearDraft, readDraft, writeDraft } from '../../app/drafts.ts';
import { ErrorNotice } from '../../app/feedback/ErrorNotice.tsx';
import { Progress } from '../../app/feedback/Progress.tsx';
import { FilePick } from '../../app/files/FilePick.tsx';
import { NoteDialog } from '../../app/forms/NoteDialog.tsx';
import { hasErrors } from '../../app/forms/field-errors.ts';
import { issuesToFields } from '../../app/forms/issues.ts';
import { SelectField } from '../../app/forms/SelectField.tsx';
import { SHORTCUTS, useShortcut } from '../../app/frame/shortcuts.ts';
import { uploadFile } from '../../app/files/upload.ts';
import { call } from '../../app/ipc/call.ts';
import { vi } from '../../i18n/vi.ts';
import { VerdictPanel } from '../../shared/verify/VerdictPanel.tsx';
import { readHeaderFields } from '../../shared/pdf/header-fields.ts';
import { PdfViewer } from '../../shared/pdf/PdfViewer.tsx';
import { ReadScan } from './ReadScan.tsx';
import { RegisterFields } from './RegisterFields.tsx';
import { Registered } from './Registered.tsx';
import {
  emptyRegisterForm,
  inputFromForm,
  prefillFromMetadata,
  prefillFromReport,
  prefillFromText,
  registerFieldOfIssue,
  validateRegisterForm,
  type RegisterErrors,
  type RegisterField,
  type RegisterForm,
} from './register-form.ts';

const DRAFT_KEY = 'incoming.register';
const FILE_DRAFT_KEY = 'incoming.register.file';
const SOURCES = ['giay', 'truc', 'email', 'khac'] as const;

/**
 * Tiếp nhận & đăng ký: check the signature of the received PDF (the verdict on top), fill the
 * Phụ lục VI fields (pre-filled where the signature tells), register. The input is kept as a draft.
 */
export function RegisterIncoming() {
  const [form, setForm] = useState<RegisterForm>(() => readDraft<RegisterForm>(DRAFT_KEY) ?? emptyRegisterForm());
  const [errors, setErrors] = useState<RegisterErrors>({});
  // The chosen PDF, by handle, kept with the draft: leaving the screen loses nothing. A handle
  // lives as long as the app runs; an expired one is refused by main with "chọn lại tệp".
  const [file, setFileState] = useState<ChosenFile | null>(() => readDraft<ChosenFile>(FILE_DRAFT_KEY));
  const setFile = (next: ChosenFile | null): void => {
    setFileState(next);
    if (next === null) {
      clearDraft(FILE_DRAFT_KEY);
    } else {
      writeDraft(FILE_DRAFT_KEY, next);
    }
  };
  const [report, setReport] = useState<VerifyReport | null>(null);
  const [prefilled, setPrefilled] = useState<RegisterField[]>([]);
  // What the document's own text filled: the verification report's signer replaces it.
  const [fromText, setFromText] = useState<ReadonlySet<RegisterField>>(new Set());
  const [busy, setBusy] = useState<'verify' | 'register' | null>(null);
  const [failure, setFailure] = useState<AppError | null>(null);
  const [done, setDone] = useState<IncomingAddResult | null>(null);

  const update = (next: RegisterForm): void => {
    setForm(next);
    writeDraft(DRAFT_KEY, next);
  };
  const set = (field: RegisterField) => (value: string) => update({ ...form, [field]: value });

  const verify = async (): Promise<void> => {
    if (file === null) {
      return;
    }
    setFailure(null);
    setBusy('verify');
    const result = await call('files.verify', { handle: file.handle, offline: false });
    setBusy(null);
    if (!result.ok) {
      setFailure(result.error);
      return;
    }
    setReport(result.value);
    const { form: next, filled } = prefillFromReport(form, result.value, fromText);
    setPrefilled(filled);
    update(next);
  };

  /** Main reads the opened file's text layer (all số forms, signer, nơi nhận) with confidences. */
  const readInMain = async (file: File): Promise<void> => {
    const chosen = await uploadFile(file, 'pdf');
    const read = chosen.ok ? await call('metadata.read', { handle: chosen.value.handle }) : chosen;
    if (!read.ok) {
      // Not worth an alert: the page-1 reading below has filled what it could.
      return;
    }
    mergeMetadata(read.value);
  };

  /** Fields main read from the document's text (text layer or OCR) fill what is still empty. */
  const mergeMetadata = (found: DocumentMetadataDto): void => {
    setForm((current) => {
      const { form: next, filled } = prefillFromMetadata(current, found);
      writeDraft(DRAFT_KEY, next);
      setPrefilled((before) => [...new Set([...before, ...filled])]);
      setFromText((before) => new Set([...before, ...filled]));
      return next;
    });
  };

  const readPageOne = (lines: string[]): void => {
    // The viewer calls back after the file opened: merge into the latest draft, not a stale one.
    setForm((current) => {
      const { form: next, filled } = prefillFromText(current, readHeaderFields(lines));
      writeDraft(DRAFT_KEY, next);
      setPrefilled((before) => [...new Set([...before, ...filled])]);
      return next;
    });
  };

  const register = async (scanReason?: string): Promise<void> => {
    const found = validateRegisterForm(form, file !== null);
    setErrors(found);
    setFailure(null);
    if (hasErrors(found)) {
      return;
    }
    setBusy('register');
    const result = await call('incoming.add', {
      input: inputFromForm(form),
      ...(file === null ? {} : { file: file.handle }),
      ...(scanReason === undefined ? {} : { scanReason }),
    });
    setBusy(null);
    if (!result.ok) {
      setErrors(issuesToFields(result.error, registerFieldOfIssue));
      setFailure(result.error);
      return;
    }
    clearDraft(DRAFT_KEY);
    setFile(null);
    setDone(result.value);
  };

  useShortcut(SHORTCUTS.save, () => void register(), done === null);

  if (done !== null) {
    return (
      <Registered
        result={done}
        onAnother={() => {
          setDone(null);
          setFile(null);
          setReport(null);
          setPrefilled([]);
          setFromText(new Set());
          setForm(emptyRegisterForm());
        }}
      />
    );
  }
  const f = vi.incoming.fields;
  return (
    <div className="with-viewer">
      <form
        className="form"
        noValidate
        aria-labelledby="register-title"
        onSubmit={(e) => {
          e.preventDefault();
          void register();
        }}
      >
        <h2 id="register-title">{vi.incoming.registerTitle}</h2>
        {report === null ? null : <VerdictPanel report={report} />}
        {prefilled.length > 0 ? (
          <p className="notice notice-info" role="status" data-testid="prefilled">
            {vi.incoming.prefilled(prefilled.map((p) => f[p]).join(', '))}
          </p>
        ) : null}
        {failure === null ? null : <ErrorNotice error={failure} />}
        {hasErrors(errors) ? (
          <p className="notice notice-error" role="alert">
            {vi.forms.summary}
          </p>
        ) : null}
        <fieldset>
          <legend>{vi.incoming.groups.file}</legend>
          <div className="form-grid">
            <SelectField
              label={f.source}
              value={form.source}
              onChange={set('source')}
              options={SOURCES.map((s) => ({ value: s, label: vi.incoming.sources[s] }))}
            />
          </div>
          <FilePick
            purpose="pdf"
            label={f.chosenFile}
            chosen={file}
            onChosen={(chosen) => {
              setFile(chosen);
              setReport(null);
              setErrors(({ file: _file, ...rest }) => rest);
            }}
            onError={setFailure}
            testId="incoming-file"
          />
          {errors.file === undefined ? null : (
            <p className="field-error" role="alert">
              {errors.file}
            </p>
          )}
          <button
            type="button"
            className="secondary"
            onClick={() => void verify()}
            disabled={file === null || busy !== null}
          >
            {vi.incoming.verify}
          </button>
          {busy === 'verify' ? <Progress label={vi.incoming.verifying} /> : null}
          <ReadScan
            file={file}
            disabled={busy !== null}
            onError={setFailure}
            onRead={(read) => mergeMetadata(read.metadata)}
          />
        </fieldset>
        <RegisterFields form={form} errors={errors} set={set} />
        {busy === 'register' ? <Progress label={vi.incoming.registering} /> : null}
        <div className="actions">
          <button type="submit" disabled={busy !== null} aria-keyshortcuts="Control+S">
            {vi.incoming.submit}
          </button>
        </div>
      </form>
      {/* Outside the form: the dialog's own form must not also submit the registration. */}
      {failure?.code === 'SCAN_BELOW_STANDARD' ? (
        <NoteDialog
          title={vi.arrival.scan.title}
          label={vi.arrival.scan.reason}
          hint={failure.message}
          confirm={vi.arrival.scan.confirm}
          required
          draftKey="incoming.register.scanReason"
          onConfirm={(reason) => void register(reason)}
          onClose={() => setFailure(null)}
        />
      ) : null}
      <PdfViewer onPageOneText={readPageOne} onFile={(file) => void readInMain(file)} />
    </div>
  );
}
