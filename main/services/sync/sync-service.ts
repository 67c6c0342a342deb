import type { RenumberingNotice, SyncConflict, SyncLoginResult, SyncStatus } from '../../../preload/contract/sync.ts';
import { z } from 'zod';
import { YearArrangementSchema } from '../../../preload/contract/calendar.ts';
import { RegistrationAnswerSchema } from '../../../preload/contract/wire/documents.ts';
import { errorMessageVi, VanthuError } from '../../../preload/contract/index.ts';
import type { EventBus } from '../events/event-bus.ts';
import type { Logger } from '../log/logger.ts';
import { parseJobPayload } from '../outbox/jobs.ts';
import { attachmentPath, openAttachment } from '../store/attachments.ts';
import type { StoreCall } from '../store/store-client.ts';
import { ApiClient } from './api-client.ts';
import { SyncFailure } from './classify.ts';
import { SyncEngine, type RoundReport } from './engine.ts';
import type { JobResult } from './jobs.ts';
import { vietnamYear } from '../../domain/vietnam-time.ts';
import { createAttachmentFileSink } from './file-sink.ts';
import { createRegisterLeaseSink, type LeaseRegisters } from './lease-adapter.ts';
import {
  type CalendarSink,
  systemClock,
  type DirectorySink,
  type InboxSink,
  type LeaseSink,
  type ReceiptSink,
  type RegistersFeedSink,
  type RegistrationSink,
  type SyncClock,
  type SyncCredentials,
  type SyncOutbox,
} from './ports.ts';
import { createOnlineNumbers, type OnlineNumbers } from './online-numbers.ts';
import { fetchReplicaFiles } from './replica-files.ts';
import { createMemorySessionVault, type SessionVault } from './session-vault.ts';
import { createAxiosTransport } from './transport.ts';

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

/** How long the loop waits when nothing is due and nothing wakes it (the inbox's poll). */
export const SYNC_POLL_MS = 60_000;

export interface SyncServiceOptions {
  readonly serverUrl: () => string;
  readonly credentials: () => SyncCredentials | null;
  readonly store: StoreCall;
  readonly filesDir: string;
  readonly log: Logger;
  readonly events?: EventBus;
  /** Extra CA certificates (PEM) for a province's private CA; verification stays on. */
  readonly ca?: string;
  readonly clock?: SyncClock;
  /** Where the refresh token survives a restart (Electron: safeStorage); in memory when omitted. */
  readonly vault?: SessionVault;
  /** This installation's stable id (settings); with it, the registers of the year get number leases. */
  readonly workstationId?: () => string;
  /** Whether the loop may run rounds by itself (settings.server.autoSync); always, when omitted. */
  readonly autoSync?: () => boolean;
  /** Remember the server and account after a successful login (settings.server). */
  readonly rememberServer?: (url: string, username: string) => void;
}

/** The outbox through the store worker: same port, every call asynchronous. */
export function storeOutbox(store: StoreCall): SyncOutbox {
  return {
    claimDue: (now, limit) => store('outbox.claimDue', now, limit),
    markDone: (id, now) => store('outbox.markDone', id, now),
    markDoneAndClaim: (id, now, limit) => store('outbox.markDoneAndClaim', id, now, limit),
    markRetry: (id, next, error, now) => store('outbox.markRetry', id, next, error, now),
    markFailed: (id, error, now) => store('outbox.markFailed', id, error, now),
    requeueInFlight: () => store('outbox.requeueInFlight'),
    counts: () => store('outbox.counts'),
    list: (filter) => store('outbox.list', filter),
  };
}

/** The repair of a registration another workstation made first, through the store worker (one transaction there). */
export function storeRegistrations(store: StoreCall): RegistrationSink {
  return { adopt: (jobId, registration) => store('sync.adoptRegistration', jobId, registration) };
}

/** How many published documents have their recipients' statuses refreshed per round. */
const RECEIPTS_PER_ROUND = 50;

/**
 * The inbox, the organization directory and the recipients' statuses through the store worker;
 * each page is one transaction there, with its cursor.
 */
export function storeSinks(store: StoreCall): {
  inbox: InboxSink;
  directory: DirectorySink;
  receipts: ReceiptSink;
  registers: RegistersFeedSink;
} {
  return {
    registers: {
      cursor: () => store('sync.registersCursor'),
      apply: (items, next) => store('sync.applyRegisters', items, next),
    },
    inbox: {
      cursor: () => store('sync.inboxCursor'),
      apply: async (items, next) => {
        await store('sync.applyInbox', items, next);
      },
    },
    directory: {
      cursor: () => store('directory.cursor'),
      apply: async (items, next) => {
        await store('directory.apply', items, next);
      },
    },
    receipts: {
      awaiting: () => store('outgoing.awaitingStatuses', RECEIPTS_PER_ROUND),
      apply: (updates) => store('outgoing.applyStatuses', updates),
    },
  };
}

/** How often the announced calendar is asked for: it changes a few times a year. */
const CALENDAR_EVERY_MS = 6 * 3_600_000;

/**
 * The server's holiday arrangements into the store, asked for once at start and then every few
 * hours; a list that does not match the schema is left aside whole, never half applied.
 */
export function storeCalendar(store: StoreCall, now: () => Date): CalendarSink {
  let last = Number.NEGATIVE_INFINITY;
  return {
    wanted: () => now().getTime() - last >= CALENDAR_EVERY_MS,
    apply: async (items) => {
      last = now().getTime();
      const parsed = z.array(YearArrangementSchema).max(20).safeParse(items);
      if (parsed.success && parsed.data.length > 0) {
        await store('calendar.store', parsed.data, 'server');
      }
    },
  };
}

/**
 * A registration sent with a provisional number comes back with the server's final one: the
 * store replaces it (the provisional one stays in the audit).
 */
export function finalizeProvisional(
  finalize: (documentId: string, soDen: number) => Promise<unknown> | unknown,
  log: Logger,
): (result: JobResult) => void {
  return ({ job, response }) => {
    if (job.kind !== 'incoming.register') {
      return;
    }
    const answer = RegistrationAnswerSchema.safeParse(response);
    const soDen = answer.success ? answer.data.soDen : undefined;
    const payload = parseJobPayload('incoming.register', job.payload);
    if (payload.soDen === null && typeof soDen === 'number') {
      void Promise.resolve()
        .then(() => finalize(payload.documentId, soDen))
        .catch((error: unknown) => log.warn('sync.finalize_failed', { documentId: payload.documentId, error }));
    }
  };
}

/** Number leases for this year's registers, through the store worker. */
export function storeLeases(store: StoreCall, workstationId: string, now: () => Date): LeaseSink {
  const registers: LeaseRegisters = {
    get: async (id) => (await store('registers.list')).find((register) => register.id === id),
    remaining: (id) => store('registers.remaining', id),
    leases: (id) => store('registers.leases', id),
    addLease: (id, lease) => store('registers.addLease', id, lease),
    cutUsedLeases: (id) => store('registers.cutUsedLeases', id),
    confirmReturn: (id) => store('registers.confirmReturn', id),
  };
  const year = () => vietnamYear(now());
  return createRegisterLeaseSink(
    registers,
    async () => (await store('registers.list')).filter((register) => register.year === year()).map((r) => r.id),
    workstationId,
  );
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

/**
 * The app's sync: an engine built on first use from the configured server, the store worker's
 * outbox and the profile's files. A wrong URL is refused (SYNC_INSECURE_URL) before any request.
 */
export function createSyncService(options: SyncServiceOptions): SyncService {
  const clock = options.clock ?? systemClock;
  const vault = options.vault ?? createMemorySessionVault();
  let engine: { url: string; engine: SyncEngine; api: ApiClient } | undefined;
  let loop: { controller: AbortController; done: Promise<void> } | undefined;
  let nap: AbortController | undefined;
  /** Drains running now (each adds workers up to the engine's limit), awaited on stop. */
  const draining = new Set<Promise<void>>();
  /** The account of the session being kept (set by a login, else read back from the vault). */
  let username: string | null = null;

  const storedFor = async (url: string) => {
    const stored = await vault.load();
    return stored !== null && stored.serverUrl === url ? stored : null;
  };

  const build = (url: string): { engine: SyncEngine; api: ApiClient } => {
    if (engine?.url !== url) {
      const transport = createAxiosTransport({ baseUrl: url, ...(options.ca === undefined ? {} : { ca: options.ca }) });
      const api = new ApiClient(transport, options.credentials, () => clock.now(), {
        storedRefreshToken: async () => (await storedFor(url))?.refreshToken ?? null,
        onSession: async (session) => {
          if (session === null) {
            await vault.clear();
            return;
          }
          const account = username ?? (await storedFor(url))?.username ?? '';
          await vault.save({
            serverUrl: url,
            username: account,
            maDinhDanh: session.maDinhDanh,
            refreshToken: session.refreshToken,
          });
        },
      });
      const sinks = storeSinks(options.store);
      engine = {
        url,
        api,
        engine: new SyncEngine({
          api,
          outbox: storeOutbox(options.store),
          files: {
            pathOf: (sha256) => attachmentPath(options.filesDir, sha256),
            open: (sha256) => openAttachment(options.filesDir, sha256),
          },
          inbox: { sink: sinks.inbox, files: createAttachmentFileSink(options.filesDir) },
          directory: sinks.directory,
          calendar: storeCalendar(options.store, () => clock.now()),
          receipts: sinks.receipts,
          registers: sinks.registers,
          registrations: storeRegistrations(options.store),
          ...(options.workstationId === undefined
            ? {}
            : { leases: storeLeases(options.store, options.workstationId(), () => clock.now()) }),
          clock,
          log: options.log,
          onStatus: (status) => options.events?.emit('sync.changed', status),
          onProgress: (progress) => options.events?.emit('sync.progress', progress),
          onResult: finalizeProvisional(
            (documentId, soDen) => options.store('incoming.finalizeProvisional', documentId, soDen),
            options.log,
          ),
        }),
      };
    }
    return engine;
  };

  const current = (): SyncEngine => {
    const url = options.serverUrl();
    if (url === '') {
      throw new VanthuError('SYNC_OFFLINE', errorMessageVi('SYNC_OFFLINE', 'Chưa cấu hình địa chỉ máy chủ.'));
    }
    return build(url).engine;
  };

  // The sync client's session, so an online number costs one request (no server configured: offline).
  const numbers = createOnlineNumbers(() => (options.serverUrl() === '' ? null : build(options.serverUrl()).api), {
    now: () => Date.now(),
    log: options.log,
  });

  const autoSyncOn = () => loop !== undefined && options.serverUrl() !== '' && (options.autoSync?.() ?? true);

  const drainOnce = async (): Promise<void> => {
    try {
      const report = await current().drain();
      // A job left to retry later (or held back by the backoff) is the loop's to schedule.
      if (report.retried > 0 && autoSyncOn()) {
        nap?.abort();
      }
    } catch (error) {
      options.log.warn('sync.drain_error', { error });
    }
  };

  return {
    numbers,
    fetchReplicaFiles: async (documentId) => {
      const url = options.serverUrl();
      if (url === '') {
        throw new VanthuError('SYNC_OFFLINE', errorMessageVi('SYNC_OFFLINE', 'Chưa cấu hình địa chỉ máy chủ.'));
      }
      return fetchReplicaFiles(
        build(url).api,
        {
          replicaFiles: (id) => options.store('sync.replicaFiles', id),
          keepReplicaFiles: (id) => options.store('sync.keepReplicaFiles', id),
        },
        createAttachmentFileSink(options.filesDir),
        documentId,
      );
    },
    async status() {
      if (options.serverUrl() === '') {
        // Not configured yet: still show what waits in the outbox.
        const counts = await options.store('outbox.counts');
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
      const url = options.serverUrl();
      const status = await current().status();
      const renewable = build(url).api.hasSession || (await storedFor(url)) !== null || options.credentials() !== null;
      return { ...status, needsLogin: status.needsLogin || !renewable };
    },
    async login(input) {
      const url = input.serverUrl ?? options.serverUrl();
      if (url === '') {
        throw new VanthuError('SYNC_OFFLINE', errorMessageVi('SYNC_OFFLINE', 'Chưa cấu hình địa chỉ máy chủ.'));
      }
      const { api } = build(url);
      username = input.username;
      try {
        const session = await api.login({ username: input.username, password: input.password });
        options.rememberServer?.(url, input.username);
        options.log.info('sync.login', { username: input.username, maDinhDanh: session.maDinhDanh });
        // Signed in (so the server answers): what waited for a session or the backoff goes now.
        engine?.engine.retryNow();
        nap?.abort();
        return { serverUrl: url, username: input.username, maDinhDanh: session.maDinhDanh };
      } catch (error) {
        throw loginError(error);
      }
    },
    async logout() {
      engine?.api.forget();
      username = null;
      await vault.clear();
      options.log.info('sync.logout', {});
    },
    conflicts: () => current().conflicts(),
    // Read from the store: they stay listed whether or not a server is configured.
    renumberings: (limit) => options.store('sync.renumberings', limit),
    // The user asked for it: a round now, whatever backoff the loop is waiting out.
    runOnce: () => {
      const syncEngine = current();
      syncEngine.retryNow();
      return syncEngine.runRound();
    },
    start() {
      if (loop !== undefined) {
        return;
      }
      const controller = new AbortController();
      const done = (async () => {
        while (!controller.signal.aborted) {
          // A wake ends this pass's waits (between rounds or after them) and starts the next pass.
          nap = new AbortController();
          const signal = AbortSignal.any([controller.signal, nap.signal]);
          // Not configured yet, or switched to manual: saving either setting wakes the loop (compose.ts).
          if (options.serverUrl() !== '' && (options.autoSync?.() ?? true)) {
            try {
              await current().runUntilIdle({ signal, pollMs: SYNC_POLL_MS });
            } catch (error) {
              options.log.warn('sync.loop_error', { error });
            }
          }
          if (!signal.aborted) {
            await clock.sleep(SYNC_POLL_MS, signal);
          }
        }
      })();
      loop = { controller, done };
    },
    wake() {
      // A wake is news that the server may answer again: the round it starts must not sit out the backoff.
      engine?.engine.retryNow();
      nap?.abort();
    },
    drainNow() {
      if (!autoSyncOn()) {
        return;
      }
      const run = drainOnce().finally(() => draining.delete(run));
      draining.add(run);
    },
    async stop() {
      const stopping = loop;
      loop = undefined;
      stopping?.controller.abort();
      await Promise.all([stopping?.done, ...draining]);
    },
    client() {
      current();
      return build(options.serverUrl()).api;
    },
  };
}
