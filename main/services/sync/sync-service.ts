import type { RenumberingNotice, SyncConflict, SyncLoginResult, SyncStatus } from '../../../preload/contract/sync.ts';
import type { ApiClient } from './api-client.ts';
import type { RoundReport } from './engine.ts';
import { createAttachmentFileSink } from './file-sink.ts';
import { createOnlineNumbers, type OnlineNumbers } from './online-numbers.ts';
import { systemClock, type SyncClock } from './ports.ts';
import { fetchReplicaFiles } from './replica-files.ts';
import { createServerEngines, type ServerEngineOptions } from './server-engine.ts';
import { createMemorySessionVault, type SessionVault } from './session-vault.ts';
import { createSyncLoop } from './sync-loop.ts';
import { createSyncSession } from './sync-session.ts';

export interface SyncService {
  status(): Promise<SyncStatus>;
  conflicts(): Promise<SyncConflict[]>;
  /** Documents renumbered because the organization had registered them elsewhere first (newest first). */
  renumberings(limit: number): Promise<RenumberingNotice[]>;
  /** Log in; the password goes to the server once, the refresh token to the session vault. */
  login(input: { serverUrl?: string | undefined; username: string; password: string }): Promise<SyncLoginResult>;
  /** Forget the session (memory and vault). */
  logout(): Promise<void>;
  /** One round now (the "retry now" button and `vanthu sync --once`). */
  runOnce(): Promise<RoundReport>;
  /** Keep syncing until `stop()`, sleeping between rounds until the next job is due or `wake()`. */
  start(): void;
  /**
   * Something changed that sync should act on now — work was queued, the network came back — so
   * the loop ends its wait and runs a round. Without a running loop it does nothing.
   */
  wake(): void;
  /**
   * Work was just queued: send what is due now, and only that (no leases, directory, inbox or
   * receipts: they come with the next full round). A step costs its own requests, not a round's.
   * Without a running loop it does nothing, like `wake`.
   */
  drainNow(): void;
  stop(): Promise<void>;
  /** Numbers from the server at the moment of a registration or cấp số (null when it cannot answer in time). */
  readonly numbers: OnlineNumbers;
  /** Download the files of another workstation's document (a replica) on demand; its file hash, or null. */
  fetchReplicaFiles(documentId: string): Promise<string | null>;
  /**
   * The client for the configured server, shared with the office (people's sign-in, their inbox):
   * one session per workstation. Throws SYNC_OFFLINE while no server is configured.
   */
  client(): ApiClient;
}

export interface SyncServiceOptions extends ServerEngineOptions {
  readonly clock?: SyncClock;
  /** Where the refresh token survives a restart (Electron: safeStorage); in memory when omitted. */
  readonly vault?: SessionVault;
  /** Whether the loop may run rounds by itself (settings.server.autoSync); always, when omitted. */
  readonly autoSync?: () => boolean;
  /** Remember the server and account after a successful login (settings.server). */
  readonly rememberServer?: (url: string, username: string) => void;
}

/**
 * The app's sync: an engine built on first use from the configured server (server-engine.ts), the
 * loop that runs its rounds (sync-loop.ts) and the session the user signs in to (sync-session.ts).
 * A wrong URL is refused (SYNC_INSECURE_URL) before any request.
 */
export function createSyncService(options: SyncServiceOptions): SyncService {
  const clock = options.clock ?? systemClock;
  const vault = options.vault ?? createMemorySessionVault();
  const engines = createServerEngines(options, clock, vault);
  const loop = createSyncLoop({
    engines,
    serverUrl: options.serverUrl,
    autoSync: options.autoSync,
    clock,
    log: options.log,
  });
  const session = createSyncSession({
    engines,
    serverUrl: options.serverUrl,
    credentials: options.credentials,
    store: options.store,
    vault,
    log: options.log,
    rememberServer: options.rememberServer,
    signedIn: () => loop.wake(),
  });

  // The sync client's session, so an online number costs one request (no server configured: offline).
  const numbers = createOnlineNumbers(
    () => (options.serverUrl() === '' ? null : engines.build(options.serverUrl()).api),
    {
      now: () => Date.now(),
      log: options.log,
    },
  );

  return {
    ...session,
    ...loop,
    numbers,
    fetchReplicaFiles: async (documentId) =>
      fetchReplicaFiles(
        engines.build(engines.configuredUrl()).api,
        {
          replicaFiles: (id) => options.store('sync.replicaFiles', id),
          keepReplicaFiles: (id) => options.store('sync.keepReplicaFiles', id),
        },
        createAttachmentFileSink(options.filesDir),
        documentId,
      ),
    conflicts: () => engines.current().conflicts(),
    // Read from the store: they stay listed whether or not a server is configured.
    renumberings: (limit) => options.store('sync.renumberings', limit),
    // The user asked for it: a round now, whatever backoff the loop is waiting out.
    runOnce: async () => {
      const syncEngine = engines.current();
      await syncEngine.retryNow();
      return syncEngine.runRound();
    },
    client: () => engines.build(engines.configuredUrl()).api,
  };
}
