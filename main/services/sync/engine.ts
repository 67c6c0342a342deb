import type { SyncConflict, SyncStatus } from '../../../preload/contract/sync.ts';
import { failureOf } from './classify.ts';
import type { SyncEngineDeps } from './engine-deps.ts';
import { resolutionFor } from './jobs.ts';
import { refillLeases, returnLeases } from './lease-exchange.ts';
import { pullCalendar, pullDirectory } from './pull-directory.ts';
import { pullInbox } from './pull-inbox.ts';
import { pullReceipts } from './pull-receipts.ts';
import { pullRegisters } from './pull-registers.ts';
import { ServerLink } from './server-link.ts';
import { parseStoredFailure } from './stored-failure.ts';
import { WorkerPool, type JobCounts } from './worker-pool.ts';

export interface RoundReport {
  readonly sent: number;
  readonly retried: number;
  readonly failed: number;
  readonly pulled: number;
}

/**
 * Drains the outbox, refills number leases and pulls the inbox. One round is `runRound`;
 * `runUntilIdle` repeats rounds (sleeping on the injected clock) until nothing is pending.
 * The round's parts live in their own files and share the engine's `ServerLink`.
 */
export class SyncEngine {
  readonly #deps: SyncEngineDeps;
  readonly #link: ServerLink;
  readonly #pool: WorkerPool;
  #recovered: Promise<void> | undefined;

  constructor(deps: SyncEngineDeps) {
    this.#deps = deps;
    this.#link = new ServerLink(deps.clock, deps.backoff, () => void this.#jobsDueNow());
    this.#pool = new WorkerPool(deps, this.#link);
  }

  async status(): Promise<SyncStatus> {
    const counts = await this.#deps.outbox.counts();
    const failed = await this.#deps.outbox.list({ state: 'failed' });
    const conflicts = failed.filter((job) => parseStoredFailure(job.lastError)?.kind === 'conflict').length;
    const status = this.#link.status;
    return {
      ...status,
      // The service adds "no session and nothing to renew it with"; the engine knows only refusals.
      needsLogin: status.authRequired,
      pending: counts.pending + counts['in-flight'] + counts.paused,
      failed: failed.length - conflicts,
      conflicts,
      inboxCursor: (await this.#deps.inbox?.sink.cursor()) ?? null,
    };
  }

  /** Conflicts and permanent failures, each with what the user can do. Never dropped. */
  async conflicts(): Promise<SyncConflict[]> {
    return (await this.#deps.outbox.list({ state: 'failed' })).map((job) => {
      const stored = parseStoredFailure(job.lastError);
      const code = stored?.code ?? 'UNKNOWN';
      return {
        jobId: job.id,
        jobKind: job.kind,
        documentKey: job.key,
        kind: stored?.kind === 'conflict' ? 'conflict' : 'permanent',
        code,
        message: stored?.message ?? '',
        resolution: stored?.resolution ?? resolutionFor(code),
        at: job.updatedAt,
      };
    });
  }

  #emit(): void {
    const listener = this.#deps.onStatus;
    if (listener !== undefined) {
      void this.status().then(listener, () => undefined);
    }
  }

  /**
   * Jobs a crash left in flight go back to pending, once per engine and before anything is
   * claimed: a drain and a round starting together share the one recovery.
   */
  #recover(): Promise<void> {
    this.#recovered ??= Promise.resolve(this.#deps.outbox.requeueInFlight()).then(
      () => undefined,
      (error: unknown) => {
        this.#recovered = undefined; // the next round or drain tries the recovery again
        throw error;
      },
    );
    return this.#recovered;
  }

  /**
   * Send what is due in the outbox and nothing else: no leases, directory, inbox, registers or
   * receipts. What the app runs when work was just queued, so a step costs its own requests only
   * (the pulls come with the next full round). Claims are transactions, so a drain may overlap a round.
   */
  async drain(): Promise<RoundReport> {
    await this.#recover();
    const counts: JobCounts = { sent: 0, retried: 0, failed: 0 };
    if (this.#link.offlineForMs() > 0) {
      return { ...counts, pulled: 0 };
    }
    this.#link.beginDrain();
    try {
      await this.#pool.sendDue(counts);
    } catch (error) {
      this.#link.noteFailure(failureOf(error));
    } finally {
      // The indicator's pending count changed only when a job was settled.
      if (counts.sent + counts.retried + counts.failed > 0) {
        this.#emit();
      }
    }
    return { ...counts, pulled: 0 };
  }

  /**
   * One part of a round. A server that answered with an error (a 503, a lost answer) fails this part
   * only: the others still run, so a refused lease or directory page never keeps the inbox from being
   * pulled. A server that did not answer, or a refused session, halts the rest of the round.
   */
  async #part(run: () => Promise<unknown>): Promise<void> {
    if (this.#link.halted) {
      return;
    }
    try {
      await run();
    } catch (error) {
      // Retried at the loop's next pass (soon, since the round failed); it only changes what we show.
      this.#link.roundFailed = true;
      this.#link.noteFailure(failureOf(error));
    }
  }

  /** One round: leases, every due job (in parallel across keys, in order within a key), inbox. */
  async runRound(): Promise<RoundReport> {
    await this.#recover();
    const link = this.#link;
    const deps = this.#deps;
    link.setRunning(true);
    this.#emit();
    link.beginRound();
    const counts: JobCounts = { sent: 0, retried: 0, failed: 0 };
    let pulled = 0;
    if (link.offlineForMs() > 0) {
      link.roundFailed = true;
      link.setRunning(false);
      return { ...counts, pulled };
    }
    try {
      await this.#part(() => refillLeases(deps, link));
      await this.#part(() => pullDirectory(deps, link));
      await this.#part(() => pullCalendar(deps, link));
      await this.#part(() => this.#pool.sendDue(counts));
      await this.#part(async () => {
        pulled = await pullInbox(deps, link);
      });
      await this.#part(() => pullRegisters(deps, link));
      await this.#part(() => pullReceipts(deps, link));
      await this.#part(() => returnLeases(deps, link));
    } finally {
      link.setRunning(false);
      this.#emit();
    }
    return { ...counts, pulled };
  }

  /**
   * Something says the server may be reachable again (the network came back, a person signed in,
   * "Đồng bộ ngay"): the next round or drain probes at once instead of waiting out the backoff
   * that unanswered exchanges built up, and every job waiting out its own backoff is due. If it
   * still gets no answer, the backoff goes on from there.
   */
  async retryNow(): Promise<void> {
    this.#link.retryNow();
    await this.#jobsDueNow();
  }

  /** Jobs waiting out their backoff become due: what they waited for (the server, the person) is here. */
  async #jobsDueNow(): Promise<void> {
    try {
      const due = await this.#deps.outbox.dueNow(this.#deps.clock.now());
      if (due > 0) {
        this.#deps.log.info('sync.jobs_due_now', { jobs: due });
      }
    } catch (error) {
      this.#deps.log.warn('sync.jobs_due_now_failed', { error });
    }
  }

  /** Milliseconds until the earliest pending job is due (null when nothing is pending). */
  async nextDueInMs(): Promise<number | null> {
    // Only the oldest job of each key can run; a key stuck behind a failed job waits for the user.
    const blocked = new Set((await this.#deps.outbox.list({ state: 'failed' })).map((job) => job.key));
    const heads = new Map<string, number>();
    for (const job of await this.#deps.outbox.list({ state: 'pending' })) {
      if (!blocked.has(job.key) && !heads.has(job.key)) {
        heads.set(job.key, Date.parse(job.nextAttemptAt));
      }
    }
    if (heads.size === 0) {
      return null;
    }
    const earliest = Math.min(...heads.values());
    return Math.max(0, earliest - this.#deps.clock.now().getTime());
  }

  /**
   * Repeat rounds until the outbox holds nothing pending and the inbox is drained, sleeping on
   * the clock between rounds. `maxRounds` bounds a test; `signal` stops a long-running loop.
   */
  async runUntilIdle(options: { maxRounds?: number; signal?: AbortSignal; pollMs?: number } = {}): Promise<number> {
    const maxRounds = options.maxRounds ?? Number.POSITIVE_INFINITY;
    const pollMs = options.pollMs ?? 5_000;
    let rounds = 0;
    let failedPulls = 0;
    while (rounds < maxRounds && options.signal?.aborted !== true) {
      rounds += 1;
      await this.runRound();
      const due = await this.nextDueInMs();
      const offlineFor = this.#link.offlineForMs();
      const wait = due === null ? (offlineFor > 0 ? offlineFor : null) : Math.max(due, offlineFor);
      const healthy = !this.#link.roundFailed;
      if (wait === null && healthy) {
        return rounds;
      }
      // A pull that failed in passing (a 503, a reset) is tried again soon, doubling from 1 s up to
      // the poll: what waits for this workstation should not wait a whole poll for one lost answer.
      failedPulls = healthy ? 0 : failedPulls + 1;
      const retryPull = healthy ? pollMs : Math.min(pollMs, 1_000 * 2 ** (failedPulls - 1));
      await this.#deps.clock.sleep(wait ?? retryPull, options.signal);
    }
    return rounds;
  }
}
