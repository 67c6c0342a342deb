import type { SyncEngineDeps } from './engine-deps.ts';
import type { ServerLink } from './server-link.ts';
import { settleJob } from './settle-job.ts';

/** What the workers did with the jobs they claimed, summed across the pool. */
export interface JobCounts {
  sent: number;
  retried: number;
  failed: number;
}

/**
 * The outbox's workers, across rounds and drains: at most `concurrency` claim jobs at once, and
 * uploads of one file asked for by several jobs share one transfer.
 */
export class WorkerPool {
  readonly #deps: SyncEngineDeps;
  readonly #link: ServerLink;
  readonly #uploads = new Map<string, Promise<void>>();
  /** Workers claiming jobs now. */
  #workers = 0;

  constructor(deps: SyncEngineDeps, link: ServerLink) {
    this.#deps = deps;
    this.#link = link;
  }

  /**
   * Every due job (in parallel across keys, in order within a key); counts what happened. Tops the
   * pool up to `concurrency`: a drain asked for while workers run adds workers instead of leaving
   * the new work to the one worker still alive (which sent a busy outbox one job at a time).
   */
  async sendDue(counts: JobCounts): Promise<void> {
    const { outbox, clock } = this.#deps;
    const link = this.#link;
    const concurrency = Math.max(0, (this.#deps.concurrency ?? 4) - this.#workers);
    // A pool of workers, each claiming one job at a time: a long upload never holds back the
    // small changes of other documents, and a finished job lets the next of its key go at once.
    const worker = async (): Promise<void> => {
      let job = link.halted ? undefined : (await outbox.claimDue(clock.now(), 1))[0];
      while (job !== undefined) {
        const { outcome, next } = await settleJob(this.#deps, link, this.#uploads, job);
        counts.sent += outcome === 'sent' ? 1 : 0;
        counts.retried += outcome === 'retried' ? 1 : 0;
        counts.failed += outcome === 'failed' ? 1 : 0;
        // A claimed job is always run (never left in flight); otherwise claim only while the round goes on.
        job = next ?? (link.halted ? undefined : (await outbox.claimDue(clock.now(), 1))[0]);
      }
    };
    const counted = async (): Promise<void> => {
      this.#workers += 1;
      try {
        await worker();
      } finally {
        this.#workers -= 1;
      }
    };
    await Promise.all(Array.from({ length: concurrency }, counted));
  }
}
