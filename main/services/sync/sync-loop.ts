import type { Logger } from '../log/logger.ts';
import type { SyncClock } from './ports.ts';
import type { ServerEngines } from './server-engine.ts';

/** How long the loop waits when nothing is due and nothing wakes it (the inbox's poll). */
export const SYNC_POLL_MS = 60_000;

/** Sync in the background: rounds until stopped, woken early by news, drains for fresh work. */
export interface SyncLoop {
  /** Keep syncing until `stop()`, sleeping between rounds until the next job is due or `wake()`. */
  start(): void;
  /** End the loop's wait now, and let the next round ignore the backoff. */
  wake(): void;
  /** Send what is due now, and only that; without a running loop (or with auto-sync off) nothing. */
  drainNow(): void;
  /** End the loop and wait for it and for the drains in flight. */
  stop(): Promise<void>;
}

export function createSyncLoop(deps: {
  readonly engines: ServerEngines;
  readonly serverUrl: () => string;
  /** Whether the loop may run rounds by itself (settings.server.autoSync); always, when omitted. */
  readonly autoSync?: (() => boolean) | undefined;
  readonly clock: SyncClock;
  readonly log: Logger;
}): SyncLoop {
  const { engines, clock, log } = deps;
  let loop: { controller: AbortController; done: Promise<void> } | undefined;
  let nap: AbortController | undefined;
  /** Drains running now (each adds workers up to the engine's limit), awaited on stop. */
  const draining = new Set<Promise<void>>();

  const allowed = () => deps.serverUrl() !== '' && (deps.autoSync?.() ?? true);
  const autoSyncOn = () => loop !== undefined && allowed();

  const drainOnce = async (): Promise<void> => {
    try {
      const report = await engines.current().drain();
      // A job left to retry later (or held back by the backoff) is the loop's to schedule.
      if (report.retried > 0 && autoSyncOn()) {
        nap?.abort();
      }
    } catch (error) {
      log.warn('sync.drain_error', { error });
    }
  };

  return {
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
          if (allowed()) {
            try {
              await engines.current().runUntilIdle({ signal, pollMs: SYNC_POLL_MS });
            } catch (error) {
              log.warn('sync.loop_error', { error });
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
      void engines.built()?.engine.retryNow();
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
  };
}
