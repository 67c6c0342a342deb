import { createNoticeService } from '../services/notices/notice-service.ts';
import type { Services } from '../ipc/services.ts';

export interface BackgroundOptions {
  /**
   * Sources that should wake sync at once besides queued work (which the store reports itself):
   * each takes the wake function and returns its own stop. Electron: the network coming back and
   * the machine resuming from sleep.
   */
  readonly wakeSources?: ReadonlyArray<(wake: () => void) => () => void>;
  /** How often to look for notices to show (default one minute). */
  readonly noticeIntervalMs?: number;
  /** How often the idle lock compares the idle time with its setting (default five seconds). */
  readonly lockPollMs?: number;
}

export interface Background {
  /** Stops the loop after its current request and detaches every wake source; for quit. */
  stop(): Promise<void>;
}

/**
 * What runs by itself while the app is open, started by each shell once its window or host is
 * up: the sync loop (outbox out, inbox in, leases), woken by queued work and by `wakeSources`.
 * "Đồng bộ ngay" stays as a manual push.
 */
export function startBackground(services: Services, options: BackgroundOptions = {}): Background {
  services.sync.start();
  // The signed-in person's inbox, long-polled: a step for them arrives within a second or two.
  services.office.inbox.start();
  // The issuing chain's checks load in their worker now rather than at the leader's first batch.
  services.issuing.warm();
  // Arrivals left unchecked by the last session are checked now, in the background.
  services.arrivals.wake();
  // Urgent arrivals and what falls due today, announced once each (notices_sent in the store).
  const notices = createNoticeService({ store: services.store.call, notifier: services.notifier, log: services.log });
  const stopNotices = notices.start(options.noticeIntervalMs);
  const stopNoticeOnSync = services.events.subscribe((event) => {
    // New items from the inbox: look at once rather than at the next tick.
    if (event === 'sync.changed') {
      void notices.check().catch(() => undefined);
    }
  });
  // The idle lock looks at the idle time every few seconds while the app is open.
  const stopLock = services.lock.start(options.lockPollMs);
  const detach = (options.wakeSources ?? []).map((source) => source(() => services.sync.wake()));
  services.log.info('background.started', { wakeSources: detach.length });
  return {
    async stop() {
      for (const stop of detach) {
        stop();
      }
      stopNotices();
      stopLock();
      stopNoticeOnSync();
      await Promise.all([services.sync.stop(), services.office.inbox.stop()]);
      // The document under way is cancelled and stays unchecked; the next start checks it.
      await services.arrivals.stop();
    },
  };
}
