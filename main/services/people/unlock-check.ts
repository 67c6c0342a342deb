import type { UnlockCheck } from '../lock/idle-lock.ts';
import { checkVerifier } from './password-verifier.ts';
import type { PeopleService, PeopleStorePort } from './people-service.ts';

/**
 * The idle lock's password check: the signed-in person's own sign-in password, against the
 * scrypt verifier kept since their online sign-in here (works offline too). Never the token PIN.
 */
export function peopleUnlockCheck(
  people: Pick<PeopleService, 'current'>,
  store: Pick<PeopleStorePort, 'localPerson'>,
): UnlockCheck {
  return {
    async check(password) {
      const person = people.current();
      if (person === null) {
        return false;
      }
      const local = await store.localPerson(person.username);
      return local !== null && (await checkVerifier(local.verifier, password));
    },
  };
}
