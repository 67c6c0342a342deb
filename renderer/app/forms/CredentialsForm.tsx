import { useId, useState, type ReactNode } from 'react';
import { ErrorNotice } from '../feedback/ErrorNotice.tsx';
import { Progress } from '../feedback/Progress.tsx';
import { usePasswordSubmit, type Sent } from './use-password-submit.ts';

export interface CredentialsLabels {
  readonly title: string;
  readonly hint: string;
  readonly username: string;
  readonly password: string;
  readonly submit: string;
  readonly working: string;
}

/**
 * A user name and a password sent to main once. The password is read from an uncontrolled field at
 * submit and the field is emptied at once: it is never in React state, a draft or storage.
 */
export function CredentialsForm<T>({
  testId,
  labels,
  initialUser = '',
  send,
  onDone,
  children,
}: {
  readonly testId: string;
  readonly labels: CredentialsLabels;
  readonly initialUser?: string;
  readonly send: (username: string, password: string) => Promise<Sent<T>>;
  readonly onDone: (value: T) => void;
  readonly children?: ReactNode;
}) {
  const id = useId();
  const [user, setUser] = useState(initialUser);
  const { password, busy, error, submit } = usePasswordSubmit((secret) => send(user.trim(), secret), onDone);

  return (
    <section aria-labelledby={`${id}-title`} data-testid={testId}>
      <h2 id={`${id}-title`}>{labels.title}</h2>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <p className="hint">{labels.hint}</p>
        <div className="field">
          <label htmlFor={`${id}-user`}>{labels.username}</label>
          <input id={`${id}-user`} autoComplete="username" value={user} onChange={(e) => setUser(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-password`}>{labels.password}</label>
          <input id={`${id}-password`} ref={password} type="password" autoComplete="current-password" />
        </div>
        <div className="actions">
          <button type="submit" disabled={busy}>
            {labels.submit}
          </button>
        </div>
      </form>
      {busy ? <Progress label={labels.working} /> : null}
      {error === null ? null : <ErrorNotice error={error} />}
      {children}
    </section>
  );
}
