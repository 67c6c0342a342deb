import { useId } from 'react';
import type { LockState } from '../../../preload/contract/index.ts';
import { viLock } from '../../i18n/vi-lock.ts';
import { ErrorNotice } from '../feedback/ErrorNotice.tsx';
import { Progress } from '../feedback/Progress.tsx';
import { usePasswordSubmit } from '../forms/use-password-submit.ts';
import { call } from '../ipc/call.ts';

/**
 * What the app shows while locked, and nothing else: the frame renders this instead of its
 * content. As in the sign-in form, the password is read from an uncontrolled field at submit and
 * emptied at once (never in React state); a wrong one shows main's message and may be retried.
 */
export function LockScreen({ onUnlocked }: { onUnlocked: (state: LockState) => void }) {
  const id = useId();
  const { password, busy, error, submit } = usePasswordSubmit(
    (secret) => call('lock.unlock', { password: secret }),
    onUnlocked,
    true,
  );

  return (
    <main className="lock-screen" aria-labelledby={`${id}-title`} data-testid="lock-screen">
      <h1 id={`${id}-title`}>{viLock.title}</h1>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <p className="hint">{viLock.hint}</p>
        <div className="field">
          <label htmlFor={`${id}-password`}>{viLock.password}</label>
          <input id={`${id}-password`} ref={password} type="password" autoComplete="current-password" autoFocus />
        </div>
        <div className="actions">
          <button type="submit" disabled={busy}>
            {viLock.unlock}
          </button>
        </div>
      </form>
      {busy ? <Progress label={viLock.working} /> : null}
      {error === null ? null : <ErrorNotice error={error} />}
    </main>
  );
}
