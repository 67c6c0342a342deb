import { useId, useState, type ReactNode } from 'react';
import type { SignedInPersonDto } from '../../preload/contract/office.ts';
import { ErrorNotice } from '../app/feedback/ErrorNotice.tsx';
import { Progress } from '../app/feedback/Progress.tsx';
import { Field } from '../app/forms/Field.tsx';
import { SelectField } from '../app/forms/SelectField.tsx';
import { call } from '../app/ipc/call.ts';
import { useAction } from '../app/ipc/use-action.ts';
import { useLoad } from '../app/ipc/use-load.ts';
import { viOffice } from '../i18n/vi-office.ts';

type Colleague = Omit<SignedInPersonDto, 'mode'>;

export interface SendToLeaderProps {
  /** A stored draft (trình ký, optionally through a trưởng phòng) or a received document (trình). */
  readonly kind: 'draft' | 'incoming';
  readonly documentId: string;
  readonly onSent: () => void;
  /** What shows while nobody is signed in on this workstation: the local step, as before the office. */
  readonly fallback: ReactNode;
}

/**
 * Send a document from its own screen to a named leader of the organization, through the server
 * (#16). Shown only to a signed-in person; the leaders come from the organization's list (offline
 * too), main checks the role and takes the steps; the renderer only chooses.
 */
export function SendToLeader({ kind, documentId, onSent, fallback }: SendToLeaderProps) {
  const t = viOffice.handoff;
  const id = useId();
  const person = useLoad<SignedInPersonDto | null>('people.current', () => call('people.current', {}), []);
  const signedIn = person.data.state === 'ready' && person.data.value !== null;
  const colleagues = useLoad<Colleague[]>(
    'people.colleagues',
    () => (signedIn ? call('people.colleagues', {}) : Promise.resolve({ ok: true, value: [] })),
    [signedIn],
  );
  const [leader, setLeader] = useState('');
  const [via, setVia] = useState('');
  const [note, setNote] = useState('');
  const [missing, setMissing] = useState(false);
  const action = useAction();
  const [sent, setSent] = useState<string | null>(null);
  if (person.data.state !== 'ready') {
    return null;
  }
  if (person.data.value === null) {
    return <>{fallback}</>;
  }
  const people = colleagues.data.state === 'ready' ? colleagues.data.value : [];
  const options = (role: Colleague['roles'][number]) =>
    people
      .filter((p) => p.roles.includes(role))
      .map((p) => ({ value: p.username, label: `${p.fullName} — ${p.chucVu}` }));

  const send = async (): Promise<void> => {
    if (leader === '') {
      setMissing(true);
      return;
    }
    setMissing(false);
    const trimmed = note.trim() === '' ? {} : { note: note.trim() };
    await action.run(
      () =>
        kind === 'draft'
          ? call('office.submitDraft', { id: documentId, to: leader, via: via === '' ? null : via, ...trimmed })
          : call('office.present', { id: documentId, to: leader, ...trimmed }),
      () => {
        setSent(t.sent(people.find((p) => p.username === leader)?.fullName ?? leader));
        onSent();
      },
    );
  };

  return (
    <form
      noValidate
      aria-labelledby={`${id}-title`}
      data-testid="send-to-leader"
      onSubmit={(e) => {
        e.preventDefault();
        void send();
      }}
    >
      <h4 id={`${id}-title`}>{kind === 'draft' ? t.draftTitle : t.incomingTitle}</h4>
      <p className="hint">{kind === 'draft' ? t.draftHint : t.incomingHint}</p>
      <SelectField
        label={viOffice.actions.leader}
        value={leader}
        onChange={setLeader}
        options={[{ value: '', label: viOffice.actions.choose }, ...options('lanh-dao')]}
        error={missing ? viOffice.actions.required : undefined}
      />
      {kind === 'draft' ? (
        <SelectField
          label={viOffice.actions.via}
          value={via}
          onChange={setVia}
          options={[{ value: '', label: viOffice.actions.noVia }, ...options('truong-phong')]}
        />
      ) : null}
      <Field label={t.note} rows={2} maxLength={2000} value={note} onChange={setNote} />
      <div className="actions">
        <button type="submit" disabled={action.busy}>
          {kind === 'draft' ? t.sendDraft : t.sendIncoming}
        </button>
      </div>
      {action.busy ? <Progress label={viOffice.actions.working} /> : null}
      {sent === null ? null : (
        <p role="status" className="notice notice-ok" data-testid="send-to-leader-sent">
          {sent}
        </p>
      )}
      {action.error === null ? null : (
        <ErrorNotice error={action.error} {...(action.error.retryable ? { onRetry: () => void send() } : {})} />
      )}
    </form>
  );
}
