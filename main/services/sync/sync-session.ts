import type { SyncLoginResult, SyncStatus } from '../../../preload/contract/sync.ts';
import { errorMessageVi, VanthuError } from '../../../preload/contract/index.ts';
import type { Logger } from '../log/logger.ts';
import type { StoreCall } from '../store/store-client.ts';
import { SyncFailure } from './classify.ts';
import type { SyncCredentials } from './ports.ts';
import { noServer, type ServerEngines } from './server-engine.ts';
import type { SessionVault } from './session-vault.ts';

/** The workstation's session with the server as the user sees it: the status, login and logout. */
export interface SyncSession {
  status(): Promise<SyncStatus>;
  login(input: { serverUrl?: string | undefined; username: string; password: string }): Promise<SyncLoginResult>;
  logout(): Promise<void>;
}

/** A failed login as the user should read it; the request (and its password) is never attached. */
function loginError(error: unknown): unknown {
  if (!(error instanceof SyncFailure)) {
    return error;
  }
  const { kind, message } = error.failure;
  const code = kind === 'auth' ? 'SYNC_AUTH' : kind === 'retryable' ? 'SYNC_OFFLINE' : 'SYNC_REJECTED';
  return new VanthuError(code, errorMessageVi(code, `(${message})`), { retryable: kind === 'retryable' });
}

export function createSyncSession(deps: {
  readonly engines: ServerEngines;
  readonly serverUrl: () => string;
  readonly credentials: () => SyncCredentials | null;
  readonly store: StoreCall;
  readonly vault: SessionVault;
  readonly log: Logger;
  /** Remember the server and account after a successful login (settings.server). */
  readonly rememberServer?: ((url: string, username: string) => void) | undefined;
  /** Signed in: what waited for a session or the backoff goes now. */
  readonly signedIn: () => void;
}): SyncSession {
  const { engines, log } = deps;
  return {
    async status() {
      if (deps.serverUrl() === '') {
        // Not configured yet: still show what waits in the outbox.
        const counts = await deps.store('outbox.counts');
        return {
          connection: 'unknown',
          authRequired: false,
          needsLogin: true,
          running: false,
          pending: counts.pending + counts['in-flight'] + counts.paused,
          failed: counts.failed,
          conflicts: 0,
          lastSuccessAt: null,
          lastError: 'Chưa cấu hình địa chỉ máy chủ.',
          inboxCursor: null,
        };
      }
      const url = deps.serverUrl();
      const status = await engines.current().status();
      const renewable =
        engines.build(url).api.hasSession || (await engines.stored(url)) !== null || deps.credentials() !== null;
      return { ...status, needsLogin: status.needsLogin || !renewable };
    },
    async login(input) {
      const url = input.serverUrl ?? deps.serverUrl();
      if (url === '') {
        throw noServer();
      }
      const { api } = engines.build(url);
      engines.keepAccount(input.username);
      try {
        const session = await api.login({ username: input.username, password: input.password });
        deps.rememberServer?.(url, input.username);
        log.info('sync.login', { username: input.username, maDinhDanh: session.maDinhDanh });
        // Signed in (so the server answers): what waited for a session or the backoff goes now.
        deps.signedIn();
        return { serverUrl: url, username: input.username, maDinhDanh: session.maDinhDanh };
      } catch (error) {
        throw loginError(error);
      }
    },
    async logout() {
      engines.built()?.api.forget();
      engines.keepAccount(null);
      await deps.vault.clear();
      log.info('sync.logout', {});
    },
  };
}
