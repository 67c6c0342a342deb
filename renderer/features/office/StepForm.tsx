import { useId, useState } from 'react';
import type { QueueEntryDto, SignedInPersonDto } from '../../../preload/contract/office.ts';
import { ErrorNotice } from '../../app/feedback/ErrorNotice.tsx';
import { Progress } from '../../app/feedback/Progress.tsx';
import { Field } from '../../app/forms/Field.tsx';
import { SelectField } from '../../app/forms/SelectField.tsx';
import { call } from '../../app/ipc/call.ts';
import { useAction } from '../../app/ipc/use-action.ts';
import { viOffice } from '../../i18n/vi-office.ts';
import { buildStep, EMPTY_FIELDS, type FormStep, type StepFields } from './step-draft.ts';

type Colleague = Omit<SignedInPersonDto, 'mode'>;

export interface StepFormProps {
  readonly step: FormStep;
  readonly entry: QueueEntryDto;
  readonly colleagues: readonly Colleague[];
  readonly onDone: (message: string) => void;
  readonly onCancel: () => void;
}

const TEXT_LABEL: Readonly<Record<FormStep, keyof typeof viOffice.actions>> = {
  assign: 'yKien',
  progress: 'note',
  complete: 'note',
  'submit-for-signature': 'note',
  'return-draft': 'comment',
  'withdraw-draft': 'reason',
  recall: 'reason',
};

/**
 * The fields one step needs, taken from the queue with one IPC call (`office.take`): people are
 * chosen from the organization's list, the deadline from a date picker. Main checks the role and
 * the shape again; a refusal is shown with its Vietnamese message, with a retry when it may pass.
 */
export function StepForm({ step, entry, colleagues, onDone, onCancel }: StepFormProps) {
  const t = viOffice.actions;
  const id = useId();
  const [fields, setFields] = useState<StepFields>(EMPTY_FIELDS);
  const [missing, setMissing] = useState<string | null>(null);
  const action = useAction();
  const set = (patch: Partial<StepFields>) => setFields((old) => ({ ...old, ...patch }));
  const options = (role: Colleague['roles'][number]) =>
    colleagues
      .filter((person) => person.roles.includes(role))
      .map((person) => ({ value: person.username, label: `${person.fullName} — ${person.chucVu}` }));
  const specialists = colleagues.filter((p) => p.roles.includes('chuyen-vien') || p.roles.includes('truong-phong'));
  const errorOf = (field: keyof StepFields) => (missing === field ? t.required : undefined);

  const submit = async (): Promise<void> => {
    const built = buildStep(step, entry, fields);
    if (!built.ok) {
      setMissing(built.field);
      return;
    }
    setMissing(null);
    await action.run(
      () => call('office.take', { caseId: entry.caseId, step: built.body }),
      () => onDone(t.taken(viOffice.steps[step])),
    );
  };

  return (
    <form
      noValidate
      aria-labelledby={`${id}-title`}
      data-testid="office-step-form"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h3 id={`${id}-title`}>{t.formTitle(viOffice.steps[step], entry.title)}</h3>
      {step === 'submit-for-signature' ? (
        <>
          <SelectField
            label={t.leader}
            value={fields.leader}
            onChange={(leader) => set({ leader })}
            options={[{ value: '', label: t.choose }, ...options('lanh-dao')]}
            error={errorOf('leader')}
          />
          {entry.caseState === 'xem-xet' ? null : (
            <SelectField
              label={t.via}
              value={fields.via}
              onChange={(via) => set({ via })}
              options={[{ value: '', label: t.noVia }, ...options('truong-phong')]}
            />
          )}
        </>
      ) : null}
      {step === 'assign' ? (
        <>
          <SelectField
            label={t.chuTri}
            value={fields.chuTri}
            onChange={(chuTri) => set({ chuTri })}
            options={[
              { value: '', label: t.choose },
              ...specialists.map((p) => ({ value: p.username, label: `${p.fullName} — ${p.chucVu}` })),
            ]}
            error={errorOf('chuTri')}
          />
          <fieldset>
            <legend>{t.phoiHop}</legend>
            {specialists
              .filter((p) => p.username !== fields.chuTri)
              .map((p) => (
                <label key={p.username} className="check">
                  <input
                    type="checkbox"
                    checked={fields.phoiHop.includes(p.username)}
                    onChange={(e) =>
                      set({
                        phoiHop: e.target.checked
                          ? [...fields.phoiHop, p.username]
                          : fields.phoiHop.filter((u) => u !== p.username),
                      })
                    }
                  />{' '}
                  {p.fullName}
                </label>
              ))}
          </fieldset>
          <Field
            label={t.hanXuLy}
            type="date"
            value={fields.hanXuLy}
            onChange={(hanXuLy) => set({ hanXuLy })}
            hint={t.hanXuLyHint}
          />
          <Field label={t.yKien} rows={3} maxLength={2000} value={fields.yKien} onChange={(yKien) => set({ yKien })} />
        </>
      ) : (
        <Field
          label={t[TEXT_LABEL[step]] as string}
          rows={3}
          maxLength={2000}
          required={step !== 'complete' && step !== 'submit-for-signature'}
          value={fields.text}
          onChange={(text) => set({ text })}
          error={errorOf('text')}
        />
      )}
      {missing === 'draft' ? <p className="notice notice-warn">{t.noDraft}</p> : null}
      <div className="actions">
        <button type="submit" disabled={action.busy}>
          {t.send}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          {t.cancel}
        </button>
      </div>
      {action.busy ? <Progress label={t.working} /> : null}
      {action.error === null ? null : (
        <ErrorNotice error={action.error} {...(action.error.retryable ? { onRetry: () => void submit() } : {})} />
      )}
    </form>
  );
}
