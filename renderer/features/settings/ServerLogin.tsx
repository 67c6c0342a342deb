import { useState } from 'react';
import type { SyncLoginResult } from '../../../preload/contract/sync.ts';
import { CredentialsForm } from '../../app/forms/CredentialsForm.tsx';
import { call } from '../../app/ipc/call.ts';
import { viWorkflow } from '../../i18n/vi-workflow.ts';

/**
 * Log in to the provincial server: main uses the password once for the token and keeps only the
 * refresh token. No address is sent: main uses the one saved above, so an unsaved edit never logs
 * in elsewhere.
 */
export function ServerLogin({ username }: { username: string }) {
  const t = viWorkflow.login;
  const [done, setDone] = useState<SyncLoginResult | null>(null);
  return (
    <CredentialsForm
      testId="server-login"
      labels={{ ...t, hint: t.usesSaved }}
      initialUser={username}
      send={async (user, password) => {
        setDone(null);
        return call('sync.login', { username: user, password });
      }}
      onDone={setDone}
    >
      {done === null ? null : (
        <p className="notice" role="status" data-testid="login-done">
          {t.done(done.username, done.maDinhDanh)}
        </p>
      )}
    </CredentialsForm>
  );
}
