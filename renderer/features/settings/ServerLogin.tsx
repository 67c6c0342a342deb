import { useId, useRef, useState } from 'react';
import type { AppError } from '../../../preload/contract/errors.ts';
import type { SyncLoginResult } from '../../../preload/contract/sync.ts';
import { ErrorNotice } from '../../app/feedback/ErrorNotice.tsx';
import { Progress } from '../../app/feedback/Progress.tsx';
import { call } from '../../app/ipc/call.ts';
import { viWorkflow } from '../../i18n/vi-workflow.ts';

/**
 * Log in to the provincial server. The password is read from an uncontrolled field at submit and
 * the field is emptied right away: it is never in React state, a draft or storage; main uses it
 * once for the token and keeps only the refresh token.
 */
export function ServerLogin({ username }: { username: string }) {
  const t = viWorkflow.login;
  const id = useId();
  const password = useRef<HTMLInputElement>(null);
  const [user, setUser] = useState(username);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const [done, setDone] = useState<SyncLoginResult | null>(null);

  const submit = async (): Promise<void> => {
    const secret = password.current?.value ?? '';
    if (password.current !== null) {
      password.current.value = '';
    }
    setBusy(true);
    setError(null);
    const result = await call('sync.login', {
      username: user.trim(),
      password: secret,
      // No address here: main uses the one saved above, so an unsaved edit never logs in elsewhere.
    });
    setBusy(false);
    if (result.ok) {
      setDone(result.value);
    } else {
      setDone(null);
      setError(result.error);
    }
  };

  return (
    <section aria-labelledby={`${id}-title`} data-testid="server-login">
      <h2 id={`${id}-title`}>{t.title}</h2>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <p className="hint">{t.usesSaved}</p>
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
      {done === null ? null : (
        <p className="notice" role="status" data-testid="login-done">
          {t.done(done.username, done.maDinhDanh)}
        </p>
      )}
    </section>
  );
}
