import { call } from '../../app/ipc/call.ts';
import { CredentialsForm } from '../../app/forms/CredentialsForm.tsx';
import { viOffice } from '../../i18n/vi-office.ts';

/** Sign a person in (online, or offline from the verifier main keeps). */
export function PersonSignIn({ onSignedIn }: { onSignedIn: () => void }) {
  return (
    <CredentialsForm
      testId="person-sign-in"
      labels={viOffice.signIn}
      send={(username, password) => call('people.signIn', { username, password })}
      onDone={() => onSignedIn()}
    />
  );
}
