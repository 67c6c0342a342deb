/** What survives a restart of the app: enough to refresh the session, never the password. */
export interface StoredSession {
  readonly serverUrl: string;
  readonly username: string;
  readonly maDinhDanh: string;
  readonly refreshToken: string;
}

/**
 * Where the refresh token is kept between runs. Electron encrypts it with the OS keychain
 * (main/platform/electron-session-vault.ts); the browser shell and the CLI keep it in memory
 * only, so nothing secret is written to disk outside Electron.
 */
export interface SessionVault {
  load(): Promise<StoredSession | null>;
  save(session: StoredSession): Promise<void>;
  clear(): Promise<void>;
}

export function createMemorySessionVault(): SessionVault {
  let kept: StoredSession | null = null;
  return {
    load: () => Promise.resolve(kept),
    save: (session) => {
      kept = session;
      return Promise.resolve();
    },
    clear: () => {
      kept = null;
      return Promise.resolve();
    },
  };
}
