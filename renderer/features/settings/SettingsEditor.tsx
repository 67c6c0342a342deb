import { useState } from 'react';
import type { AppError, Settings } from '../../../preload/contract/index.ts';
import { clearDraft, readDraft, writeDraft } from '../../app/drafts.ts';
import { ErrorNotice } from '../../app/feedback/ErrorNotice.tsx';
import { Progress } from '../../app/feedback/Progress.tsx';
import { Field } from '../../app/forms/Field.tsx';
import { chosenFiles, ChosenName, TrustRoots, type ChosenSettingsFiles } from './ChosenSettingsFiles.tsx';
import { SettingsFileChoice } from './SettingsFileChoice.tsx';
import { issuesToFields } from '../../app/forms/issues.ts';
import { SHORTCUTS, useShortcut } from '../../app/frame/shortcuts.ts';
import { call } from '../../app/ipc/call.ts';
import { vi } from '../../i18n/vi.ts';
import { viLock } from '../../i18n/vi-lock.ts';
import { HouseStyleChoice } from './HouseStyleChoice.tsx';
import {
  fieldOfIssuePath,
  formFromSettings,
  patchFromForm,
  validateSettings,
  type FieldErrors,
  type SettingsField,
  type SettingsForm,
} from './settings-form.ts';

const DRAFT_KEY = 'settings';

/**
 * The settings form. Every keystroke is kept as a draft, so leaving the screen loses nothing;
 * the draft is dropped only when saved or discarded on purpose.
 */
export function SettingsEditor({ saved }: { saved: Settings }) {
  const [base, setBase] = useState(() => formFromSettings(saved));
  const [form, setForm] = useState<SettingsForm>(() => readDraft<SettingsForm>(DRAFT_KEY) ?? base);
  const [resumed, setResumed] = useState(() => readDraft<SettingsForm>(DRAFT_KEY) !== null);
  const [errors, setErrors] = useState<FieldErrors<SettingsField>>({});
  const [failure, setFailure] = useState<AppError | null>(null);
  const [saving, setSaving] = useState(false);
  const [savedNote, setSavedNote] = useState(false);
  const dirty = JSON.stringify(form) !== JSON.stringify(base);

  const set = (field: SettingsField) => (value: string) => {
    const next = { ...form, [field]: value };
    setForm(next);
    setSavedNote(false);
    writeDraft(DRAFT_KEY, next);
  };

  // Image and trust-root files are chosen, never typed; main saves them at once.
  const [files, setFiles] = useState<ChosenSettingsFiles>(() => chosenFiles(saved));
  const used = (settings: Settings): void => setFiles(chosenFiles(settings));

  const save = async (): Promise<void> => {
    const found = validateSettings(form);
    setErrors(found);
    setFailure(null);
    if (Object.keys(found).length > 0) {
      return;
    }
    setSaving(true);
    const result = await call('settings.update', patchFromForm(form));
    setSaving(false);
    if (!result.ok) {
      setErrors(issuesToFields(result.error, fieldOfIssuePath));
      setFailure(result.error);
      return;
    }
    const fresh = formFromSettings(result.value);
    clearDraft(DRAFT_KEY);
    setBase(fresh);
    setForm(fresh);
    setResumed(false);
    setSavedNote(true);
  };

  const discard = (): void => {
    clearDraft(DRAFT_KEY);
    setForm(base);
    setErrors({});
    setResumed(false);
  };

  useShortcut(SHORTCUTS.save, () => void save());

  return (
    <form
      className="form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      {resumed && dirty ? (
        <p className="notice notice-info" role="status" data-testid="draft-resumed">
          {vi.drafts.resumed}
        </p>
      ) : null}
      {failure === null ? null : <ErrorNotice error={failure} />}

      <fieldset>
        <legend>{vi.settings.server}</legend>
        <Field
          label={vi.settings.serverUrl}
          hint={vi.settings.serverUrlHint}
          type="url"
          value={form.serverUrl}
          onChange={set('serverUrl')}
          error={errors.serverUrl}
        />
        <Field label={vi.settings.username} value={form.username} onChange={set('username')} error={errors.username} />
        <div className="field">
          <label>
            <input
              type="checkbox"
              checked={form.autoSync === 'on'}
              aria-describedby="settings-auto-sync-hint"
              onChange={(e) => set('autoSync')(e.target.checked ? 'on' : 'off')}
            />{' '}
            {vi.settings.autoSync}
          </label>
          <p className="hint" id="settings-auto-sync-hint">
            {vi.settings.autoSyncHint}
          </p>
        </div>
      </fieldset>

      <fieldset>
        <legend>{viLock.settings}</legend>
        <Field
          label={viLock.idleMinutes}
          hint={viLock.idleMinutesHint}
          value={form.idleMinutes}
          onChange={set('idleMinutes')}
          error={errors.idleMinutes}
        />
      </fieldset>

      <fieldset>
        <legend>{vi.settings.tokens}</legend>
        <Field
          label={vi.settings.modulePaths}
          hint={vi.settings.modulePathsHint}
          rows={3}
          value={form.modulePaths}
          onChange={set('modulePaths')}
          error={errors.modulePaths}
        />
      </fieldset>

      <fieldset>
        <legend>{vi.settings.images}</legend>
        <ChosenName label={vi.settings.signaturePng} name={files.signaturePng} testId="current-signaturePng" />
        <SettingsFileChoice use="signaturePng" onUsed={used} />
        <ChosenName label={vi.settings.sealPng} name={files.sealPng} testId="current-sealPng" />
        <SettingsFileChoice use="sealPng" onUsed={used} />
        <Field
          label={vi.settings.sealDiameterMm}
          type="number"
          value={form.sealDiameterMm}
          onChange={set('sealDiameterMm')}
          error={errors.sealDiameterMm}
        />
      </fieldset>

      <fieldset>
        <legend>{vi.settings.trust}</legend>
        <TrustRoots paths={files.trustPaths} onChanged={used} />
        <SettingsFileChoice use="trustRoot" onUsed={used} />
      </fieldset>

      <fieldset>
        <legend>{vi.settings.organization}</legend>
        <Field label={vi.settings.orgName} value={form.orgName} onChange={set('orgName')} error={errors.orgName} />
        <Field
          label={vi.settings.maDinhDanh}
          hint={vi.settings.maDinhDanhHint}
          value={form.maDinhDanh}
          onChange={set('maDinhDanh')}
          error={errors.maDinhDanh}
        />
        <HouseStyleChoice value={form.houseStyle} onChange={set('houseStyle')} />
      </fieldset>

      {saving ? <Progress label={vi.settings.saving} /> : null}
      {savedNote ? (
        <p className="notice notice-ok" role="status" data-testid="settings-saved">
          {vi.settings.saved}
        </p>
      ) : null}
      <div className="actions">
        <button type="submit" disabled={saving} aria-keyshortcuts="Control+S">
          {vi.common.save}
        </button>
        <button type="button" className="secondary" onClick={discard} disabled={!dirty || saving}>
          {vi.drafts.discard}
        </button>
      </div>
    </form>
  );
}
