import { errorMessageVi, VanthuError } from '../../../preload/contract/index.ts';
import type { PersonRole } from '../../domain/office-steps.ts';
import type { Logger } from '../log/logger.ts';
import type { PersonDto } from '../../../preload/contract/office.ts';
import { officeApi } from '../sync/office-api.ts';
import type { ApiClient } from '../sync/api-client.ts';
import { SyncFailure } from '../sync/classify.ts';
import type { Awaitable } from '../sync/ports.ts';
import { checkVerifier, createVerifier } from './password-verifier.ts';
import type { LocalPerson } from '../store/people-store.ts';

/** The person using this workstation now; `offline` when signed in from the local verifier. */
export interface SignedInPerson extends PersonDto {
  readonly mode: 'online' | 'offline';
}

/** The store's side (synchronous here, asynchronous through the store worker). */
export interface PeopleStorePort {
  rememberPerson(person: PersonDto, verifier: string, colleagues: readonly PersonDto[]): Awaitable<void>;
  localPerson(username: string): Awaitable<LocalPerson | null>;
  colleaguesWith(maDinhDanh: string, role?: PersonRole): Awaitable<PersonDto[]>;
}

export interface PeopleService {
  /**
   * Online first: the server checks the password and says who the person is and what roles they
   * hold. Only when the server cannot be reached does the local verifier decide, and only for a
   * person who signed in online here before. A refusal by the server is final (never retried offline).
   */
  signIn(username: string, password: string): Promise<SignedInPerson>;
  current(): SignedInPerson | null;
  signOut(): void;
  /** The organization's people with a role, from the last online sign-in (works offline). */
  colleagues(role?: PersonRole): Promise<PersonDto[]>;
}

export interface PeopleDeps {
  /** The workstation's client for the configured server (its session becomes the person's). */
  readonly api: () => ApiClient;
  readonly store: PeopleStorePort;
  readonly log: Logger;
  /** Told when the person changes (the office inbox follows them). */
  readonly onChange?: (person: SignedInPerson | null) => void;
  /** Pause before the second attempt of a request that failed in passing (doubles after). */
  readonly retryPauseMs?: number;
}

function badCredentials(): VanthuError {
  return new VanthuError('SYNC_AUTH', errorMessageVi('SYNC_AUTH', 'Sai tên đăng nhập hoặc mật khẩu.'));
}

/** Attempts of one sign-in request before a retryable failure counts as "the server cannot be reached". */
export const SIGN_IN_ATTEMPTS = 3;

/**
 * A lost answer or a busy server is asked again at once (login and reading who the person is are
 * safe to repeat): a person clicking "Đăng nhập" once should not be told the network is down
 * because one request of three failed.
 */
async function transientRetried<T>(request: () => Promise<T>, pauseMs: number): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await request();
    } catch (error) {
      if (!(error instanceof SyncFailure && error.failure.kind === 'retryable') || attempt >= SIGN_IN_ATTEMPTS) {
        throw error;
      }
      await new Promise((resolve) => setTimeout(resolve, pauseMs * attempt));
    }
  }
}

export function createPeopleService(deps: PeopleDeps): PeopleService {
  const pauseMs = deps.retryPauseMs ?? 200;
  let person: SignedInPerson | null = null;
  const become = (next: SignedInPerson | null) => {
    person = next;
    deps.onChange?.(next);
    return next;
  };

  const offline = async (username: string, password: string, cause: SyncFailure): Promise<SignedInPerson> => {
    const local = await deps.store.localPerson(username);
    if (local === null) {
      throw new VanthuError(
        'SYNC_OFFLINE',
        errorMessageVi(
          'SYNC_OFFLINE',
          'Tài khoản này chưa từng đăng nhập trên máy này khi có mạng, nên chưa đăng nhập ngoại tuyến được.',
        ),
        { retryable: true, cause },
      );
    }
    if (!(await checkVerifier(local.verifier, password))) {
      throw badCredentials();
    }
    const { verifier: _verifier, signedInAt: _at, ...dto } = local;
    deps.log.info('people.sign_in', { username, mode: 'offline' });
    return become({ ...dto, mode: 'offline' }) as SignedInPerson;
  };

  return {
    async signIn(username, password) {
      try {
        await transientRetried(() => deps.api().login({ username, password }), pauseMs);
      } catch (error) {
        if (error instanceof SyncFailure && error.failure.kind === 'retryable') {
          return offline(username, password, error);
        }
        if (error instanceof SyncFailure && error.failure.kind === 'auth') {
          throw badCredentials();
        }
        throw error;
      }
      const api = deps.api();
      const me = await transientRetried(() => officeApi.me(api), pauseMs);
      const colleagues = await transientRetried(() => officeApi.people(api), pauseMs);
      await deps.store.rememberPerson(me, await createVerifier(password), colleagues);
      deps.log.info('people.sign_in', { username, mode: 'online', roles: me.roles });
      return become({ ...me, mode: 'online' }) as SignedInPerson;
    },
    current: () => person,
    signOut() {
      deps.api().forget();
      become(null);
    },
    async colleagues(role) {
      if (person === null) {
        return [];
      }
      return deps.store.colleaguesWith(person.maDinhDanh, role);
    },
  };
}
