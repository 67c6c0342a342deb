import { useId, useRef, useState } from 'react';
import type { AppError } from '../../../preload/contract/errors.ts';
import { ErrorNotice } from '../../app/feedback/ErrorNotice.tsx';
import { Progress } from '../../app/feedback/Progress.tsx';
import { call } from '../../app/ipc/call.ts';
import { viOffice } from '../../i18n/vi-office.ts';

/**
 * Sign a person in (online, or offline from the verifier main keeps). As in ServerLogin, the
 * password is read from an uncontrolled field at submit and emptied at once: never in React state.
 */
export function PersonSignIn({ onSignedIn }: { onSignedIn: () => void }) {
  const t = viOffice.signIn;
  const id = useId();
  const password = useRef<HTMLInputElement>(null);
  const [user, setUser] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);

  const submit = async (): Promise<void> => {
    const secret = password.current?.value ?? '';
    if (password.current !== null) {
      password.current.value = '';
    }
    setBusy(true);
    setError(null);
    const result = await call('people.signIn', { username: user.trim(), password: secret });
    setBusy(false);
    if (result.ok) {
      onSignedIn();
    } else {
      setError(result.error);
    }
  };

  return (
    <section aria-labelledby={`${id}-title`} data-testid="person-sign-in">
      <h2 id={`${id}-title`}>{t.title}</h2>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <p className="hint">{t.hint}</p>
        <div className="field">
          <label htmlFor={`${id}-user`}>{t.username}</label>
          <input id={`${id}-user`} autoComplete="username" value={user} onChange={(e) => setUser(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-password`}>{t.password}</label>
          <input id={`${id}-password`} ref={password} type="password" autoComplete="current-password" />
        </div>
        <div className="actions">
          <button type="submit" disabled={busy}>
            {t.submit}
          </button>
        </div>
      </form>
      {busy ? <Progress label={t.working} /> : null}
      {error === null ? null : <ErrorNotice error={error} />}
    </section>
  );
}
