import type { SyncConflict, SyncStatus } from '../../../preload/contract/sync.ts';
import { errorMessageVi, VanthuError } from '../../../preload/contract/index.ts';
import type { EventBus } from '../events/event-bus.ts';
import type { Logger } from '../log/logger.ts';
import { attachmentPath } from '../store/attachments.ts';
import type { StoreCall } from '../store/store-client.ts';
import { ApiClient } from './api-client.ts';
import { SyncEngine, type RoundReport } from './engine.ts';
import { systemClock, type SyncClock, type SyncCredentials, type SyncOutbox } from './ports.ts';
import { createAxiosTransport } from './transport.ts';

export interface SyncService {
  status(): Promise<SyncStatus>;
  conflicts(): Promise<SyncConflict[]>;
  /** One round now (the "retry now" button and `vanthu sync --once`). */
  runOnce(): Promise<RoundReport>;
  /** Keep syncing until `stop()`, sleeping between rounds until the next job is due. */
  start(): void;
  stop(): Promise<void>;
}

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
}

/** The outbox through the store worker: same port, every call asynchronous. */
export function storeOutbox(store: StoreCall): SyncOutbox {
  return {
    claimDue: (now, limit) => store('outbox.claimDue', now, limit),
    markDone: (id, now) => store('outbox.markDone', id, now),
    markRetry: (id, next, error, now) => store('outbox.markRetry', id, next, error, now),
    markFailed: (id, error, now) => store('outbox.markFailed', id, error, now),
    requeueInFlight: () => store('outbox.requeueInFlight'),
    counts: () => store('outbox.counts'),
    list: (filter) => store('outbox.list', filter),
  };
}

/**
 * The app's sync: an engine built on first use from the configured server, the store worker's
 * outbox and the profile's files. A wrong URL is refused (SYNC_INSECURE_URL) before any request.
 */
export function createSyncService(options: SyncServiceOptions): SyncService {
  const clock = options.clock ?? systemClock;
  let engine: { url: string; engine: SyncEngine } | undefined;
  let loop: { controller: AbortController; done: Promise<void> } | undefined;

  const current = (): SyncEngine => {
    const url = options.serverUrl();
    if (url === '') {
      throw new VanthuError('SYNC_OFFLINE', errorMessageVi('SYNC_OFFLINE', 'Chưa cấu hình địa chỉ máy chủ.'));
    }
    if (engine?.url !== url) {
      const transport = createAxiosTransport({ baseUrl: url, ...(options.ca === undefined ? {} : { ca: options.ca }) });
      const api = new ApiClient(transport, options.credentials, () => clock.now());
      engine = {
        url,
        engine: new SyncEngine({
          api,
          outbox: storeOutbox(options.store),
          files: { pathOf: (sha256) => attachmentPath(options.filesDir, sha256) },
          clock,
          log: options.log,
          onStatus: (status) => options.events?.emit('sync.changed', status),
          onProgress: (progress) => options.events?.emit('sync.progress', progress),
          onResult: ({ job, response }) => {
            // A registration sent with a provisional number comes back with the server's final one.
            if (job.kind === 'incoming.register') {
              const soDen = (response as { soDen?: unknown }).soDen;
              const payload = job.payload as { documentId: string; soDen: number | null };
              if (payload.soDen === null && typeof soDen === 'number') {
                void options
                  .store('incoming.finalizeProvisional', payload.documentId, soDen)
                  .catch((error: unknown) =>
                    options.log.warn('sync.finalize_failed', { documentId: payload.documentId, error }),
                  );
              }
            }
          },
        }),
      };
    }
    return engine.engine;
  };

  return {
    async status() {
      if (options.serverUrl() === '') {
        // Not configured yet: still show what waits in the outbox.
        const counts = await options.store('outbox.counts');
        return {
          connection: 'unknown',
          authRequired: false,
          running: false,
          pending: counts.pending + counts['in-flight'] + counts.paused,
          failed: counts.failed,
          conflicts: 0,
          lastSuccessAt: null,
          lastError: 'Chưa cấu hình địa chỉ máy chủ.',
          inboxCursor: null,
        };
      }
      return current().status();
    },
    conflicts: () => current().conflicts(),
    runOnce: () => current().runRound(),
    start() {
      if (loop !== undefined) {
        return;
      }
      const controller = new AbortController();
      const done = (async () => {
        while (!controller.signal.aborted) {
          try {
            await current().runUntilIdle({ signal: controller.signal, pollMs: 60_000 });
          } catch (error) {
            options.log.warn('sync.loop_error', { error });
          }
          await clock.sleep(60_000, controller.signal);
        }
      })();
      loop = { controller, done };
    },
    async stop() {
      loop?.controller.abort();
      await loop?.done;
      loop = undefined;
    },
  };
}
