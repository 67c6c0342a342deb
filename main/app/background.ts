import type { Services } from './services.ts';

export interface BackgroundOptions {
  /**
   * Sources that should wake sync at once besides queued work (which the store reports itself):
   * each takes the wake function and returns its own stop. Electron: the network coming back and
   * the machine resuming from sleep.
   */
  readonly wakeSources?: ReadonlyArray<(wake: () => void) => () => void>;
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
  const detach = (options.wakeSources ?? []).map((source) => source(() => services.sync.wake()));
  services.log.info('background.started', { wakeSources: detach.length });
  return {
    async stop() {
      for (const stop of detach) {
        stop();
      }
      await Promise.all([services.sync.stop(), services.office.inbox.stop()]);
    },
  };
}
