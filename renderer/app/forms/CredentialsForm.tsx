import { useId, useRef, useState, type ReactNode } from 'react';
import type { AppError } from '../../../preload/contract/errors.ts';
import { ErrorNotice } from '../feedback/ErrorNotice.tsx';
import { Progress } from '../feedback/Progress.tsx';

export interface CredentialsLabels {
  readonly title: string;
  readonly hint: string;
  readonly username: string;
  readonly password: string;
  readonly submit: string;
  readonly working: string;
}

type Sent<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: AppError };

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
  const password = useRef<HTMLInputElement>(null);
  const [user, setUser] = useState(initialUser);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);

  const submit = async (): Promise<void> => {
    const secret = password.current?.value ?? '';
    if (password.current !== null) {
      password.current.value = '';
    }
    setBusy(true);
    setError(null);
    const result = await send(user.trim(), secret);
    setBusy(false);
    if (result.ok) {
      onDone(result.value);
    } else {
      setError(result.error);
    }
  };

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
