import type { SyncConflict, SyncProgress, SyncStatus } from '../../../preload/contract/sync.ts';
import { z } from 'zod';
import {
  LeaseGrantSchema,
  type LeaseRequestSchema,
  type LeaseReturnRequestSchema,
} from '../../../preload/contract/wire/numbers.ts';
import type { WireBody } from '../../../preload/contract/wire/endpoints.ts';
import type { Logger } from '../log/logger.ts';
import type { OutboxJob } from '../outbox/outbox-store.ts';
import { parseAnswer, type ApiClient, type RecipientStatus } from './api-client.ts';
import { backoffDelay, DEFAULT_BACKOFF, type BackoffPolicy } from './backoff.ts';
import { classifyError, SyncFailure, type Failure } from './classify.ts';
import { resolutionFor, runJob, type JobResult } from './jobs.ts';
import type {
  CalendarSink,
  DirectorySink,
  FileSink,
  FileSource,
  InboxSink,
  LeaseSink,
  ReceiptSink,
  RegistersFeedSink,
  RegistrationSink,
  ServerRegistration,
  SyncClock,
  SyncOutbox,
} from './ports.ts';
import { downloadFile } from './transfer.ts';

export interface SyncEngineDeps {
  readonly api: ApiClient;
  readonly outbox: SyncOutbox;
  readonly files: FileSource;
  readonly inbox?: { readonly sink: InboxSink; readonly files: FileSink };
  readonly leases?: LeaseSink;
  readonly directory?: DirectorySink;
  /** The years' announced holiday arrangements (API 1.4.0), fetched when the sink wants them. */
  readonly calendar?: CalendarSink;
  readonly receipts?: ReceiptSink;
  /** Repairs a registration another workstation made first; without it the job stays a conflict. */
  readonly registrations?: RegistrationSink;
  /** The organization's registers from every workstation of it (API 1.4.0). */
  readonly registers?: RegistersFeedSink;
  readonly clock: SyncClock;
  readonly log: Logger;
  readonly concurrency?: number;
  readonly backoff?: BackoffPolicy;
  readonly onStatus?: (status: SyncStatus) => void;
  readonly onProgress?: (progress: SyncProgress) => void;
  readonly onResult?: (result: JobResult) => void;
}

export interface RoundReport {
  readonly sent: number;
  readonly retried: number;
  readonly failed: number;
  readonly pulled: number;
}

/** A failed job's `lastError`: JSON, so conflicts keep their code and resolution for the user. */
interface StoredFailure {
  readonly kind: Failure['kind'];
  readonly code: string;
  readonly message: string;
  readonly resolution?: string;
}

const StoredFailureSchema: z.ZodType<StoredFailure> = z.looseObject({
  kind: z.enum(['retryable', 'permanent', 'auth', 'conflict']),
  code: z.string(),
  message: z.string(),
  resolution: z.string().optional(),
});

function failureOf(error: unknown): Failure {
  return error instanceof SyncFailure ? error.failure : classifyError(error);
}

/** The server's registration in an ALREADY_REGISTERED answer, when it says which (it always should). */
function registrationIn(failure: Failure): ServerRegistration | null {
  const { soDen, year, ngayDen } = failure.details;
  if (typeof soDen !== 'number' || !Number.isInteger(soDen) || soDen < 1) {
    return null;
  }
  if (typeof year !== 'number' || !Number.isInteger(year)) {
    return null;
  }
  return typeof ngayDen === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(ngayDen)
    ? { soDen, year, ngayDen }
    : { soDen, year };
}

export function parseStoredFailure(lastError: string | null): StoredFailure | null {
  if (lastError === null) {
    return null;
  }
  // The outbox's last_error, read back from disk: parsed, and shown as is when it is not ours.
  let json: unknown;
  try {
    json = JSON.parse(lastError);
  } catch {
    json = undefined;
  }
  const parsed = StoredFailureSchema.safeParse(json);
  return parsed.success ? parsed.data : { kind: 'permanent', code: 'UNKNOWN', message: lastError };
}

/**
 * Drains the outbox, refills number leases and pulls the inbox. One round is `runRound`;
 * `runUntilIdle` repeats rounds (sleeping on the injected clock) until nothing is pending.
 */
export class SyncEngine {
  readonly #deps: SyncEngineDeps;
  #recovered: Promise<void> | undefined;
  readonly #uploads = new Map<string, Promise<void>>();
  /** Consecutive exchanges that got no answer at all; drives the whole engine's backoff. */
  #unreachable = 0;
  #offlineUntil = 0;
  /** Set within a round when the session is refused or the server unreachable: stop claiming jobs. */
  #haltRound = false;
  /** Set within a round once the server answered: only then is a leased block cut and given back. */
  #answered = false;
  /** Set within a round when one of its parts failed: the loop tries again soon, not at the poll. */
  #roundFailed = false;
  #status: Omit<SyncStatus, 'pending' | 'failed' | 'conflicts' | 'needsLogin'> = {
    connection: 'unknown',
    authRequired: false,
    running: false,
    lastSuccessAt: null,
    lastError: null,
    inboxCursor: null,
  };

  constructor(deps: SyncEngineDeps) {
    this.#deps = deps;
  }

  async status(): Promise<SyncStatus> {
    const counts = await this.#deps.outbox.counts();
    const failed = await this.#deps.outbox.list({ state: 'failed' });
    const conflicts = failed.filter((job) => parseStoredFailure(job.lastError)?.kind === 'conflict').length;
    return {
      ...this.#status,
      // The service adds "no session and nothing to renew it with"; the engine knows only refusals.
      needsLogin: this.#status.authRequired,
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

  #succeeded(): void {
    this.#answered = true;
    this.#unreachable = 0;
    this.#offlineUntil = 0;
    this.#status = {
      ...this.#status,
      connection: 'online',
      authRequired: false,
      lastSuccessAt: this.#deps.clock.now().toISOString(),
      lastError: null,
    };
  }

  #noteFailure(failure: Failure): void {
    const offline = failure.kind === 'retryable' && failure.details['cause'] !== undefined;
    if (offline || failure.kind === 'auth') {
      this.#haltRound = true;
      // What the halted round did not reach is tried again soon, as for a part that failed.
      this.#roundFailed = true;
    }
    if (offline) {
      // One probe per backoff step while the server is unreachable, not one per queued job.
      this.#unreachable += 1;
      const delay = backoffDelay(this.#unreachable, failure.retryAfterMs, this.#deps.backoff ?? DEFAULT_BACKOFF);
      this.#offlineUntil = this.#deps.clock.now().getTime() + delay;
    }
    this.#status = {
      ...this.#status,
      ...(offline ? { connection: 'offline' as const } : {}),
      ...(failure.kind === 'auth' ? { authRequired: true } : {}),
      lastError: `${failure.code}: ${failure.message}`,
    };
  }

  /** Run one job and record its outcome; a success also claims the worker's next job in the same commit. */
  async #settle(job: OutboxJob): Promise<{ outcome: 'sent' | 'retried' | 'failed'; next?: OutboxJob | undefined }> {
    const { outbox, clock, log } = this.#deps;
    try {
      const response = await runJob(
        {
          api: this.#deps.api,
          files: this.#deps.files,
          uploads: this.#uploads,
          onProgress: (sha256, done, total) => this.#deps.onProgress?.({ direction: 'upload', sha256, done, total }),
        },
        job,
      );
      const [next] = await outbox.markDoneAndClaim(job.id, clock.now(), this.#haltRound ? 0 : 1);
      this.#succeeded();
      this.#deps.onResult?.({ job, response });
      return { outcome: 'sent', next };
    } catch (error) {
      const failure = failureOf(error);
      if (await this.#adoptedElsewhere(job, failure)) {
        this.#succeeded();
        return { outcome: 'sent' };
      }
      this.#noteFailure(failure);
      if (failure.kind === 'conflict' || failure.kind === 'permanent') {
        const stored: StoredFailure = {
          kind: failure.kind,
          code: failure.code,
          message: failure.message,
          resolution: resolutionFor(failure.code),
        };
        await outbox.markFailed(job.id, JSON.stringify(stored), clock.now());
        log.warn('sync.job_failed', { jobId: job.id, kind: job.kind, code: failure.code, class: failure.kind });
        return { outcome: 'failed' };
      }
      const delay = backoffDelay(job.attempts, failure.retryAfterMs, this.#deps.backoff ?? DEFAULT_BACKOFF);
      const next = new Date(clock.now().getTime() + delay);
      await outbox.markRetry(
        job.id,
        next,
        JSON.stringify({ kind: failure.kind, code: failure.code, message: failure.message }),
        clock.now(),
      );
      log.info('sync.job_retry', { jobId: job.id, kind: job.kind, code: failure.code, delayMs: delay });
      return { outcome: 'retried' };
    }
  }

  /**
   * Another workstation of our organization registered the document first: the server's number
   * wins (one entry per document in the organization's register), ours is given up, the job is done.
   */
  async #adoptedElsewhere(job: OutboxJob, failure: Failure): Promise<boolean> {
    const sink = this.#deps.registrations;
    if (sink === undefined || job.kind !== 'incoming.register' || failure.code !== 'ALREADY_REGISTERED') {
      return false;
    }
    const registration = registrationIn(failure);
    if (registration === null) {
      return false;
    }
    try {
      if (!(await sink.adopt(job.id, registration))) {
        return false;
      }
    } catch (error) {
      // The job must still be settled: it stays a conflict the user sees, as without the repair.
      this.#deps.log.warn('sync.registration_adopt_failed', { jobId: job.id, error });
      return false;
    }
    this.#deps.log.info('sync.registration_adopted', { jobId: job.id, soDen: registration.soDen });
    return true;
  }

  async #refillLeases(): Promise<void> {
    const leases = this.#deps.leases;
    if (leases === undefined) {
      return;
    }
    for (const need of await leases.needs()) {
      const granted = parseAnswer(
        LeaseGrantSchema,
        await this.#deps.api.mutate('/v1/leases', need.requestKey, {
          registerKind: need.kind,
          year: need.year,
          count: need.count,
          workstationId: need.workstationId,
        } satisfies WireBody<typeof LeaseRequestSchema>),
        'khối số',
      );
      await leases.add(need.registerId, { id: granted.leaseId, firstNumber: granted.from, lastNumber: granted.to });
      this.#succeeded();
    }
  }

  /**
   * Give back the unused numbers of blocks used offline (API 1.4.0), then lease fresh ones. Only
   * after the server answered this round, so a workstation never cuts its reserve on its way offline.
   */
  async #returnLeases(): Promise<void> {
    const leases = this.#deps.leases;
    if (leases?.returns === undefined || !this.#answered || this.#haltRound) {
      return;
    }
    const cuts = await leases.returns();
    for (const cut of cuts) {
      // One key per block: a repeat after a lost answer is answered with the first return.
      await this.#deps.api.mutate(
        `/v1/leases/${encodeURIComponent(cut.leaseId)}/return`,
        `lease-return:${cut.leaseId}`,
        { from: cut.from } satisfies WireBody<typeof LeaseReturnRequestSchema>,
      );
      await leases.returned?.(cut.leaseId);
      this.#succeeded();
    }
    if (cuts.length > 0) {
      await this.#refillLeases();
    }
  }

  async #pullRegisters(): Promise<void> {
    const registers = this.#deps.registers;
    if (registers === undefined) {
      return;
    }
    for (;;) {
      let page: Awaited<ReturnType<ApiClient['registersFeed']>>;
      try {
        page = await this.#deps.api.registersFeed(await registers.cursor());
      } catch (error) {
        // A server before API 1.4.0 has no feed: the rest of the round (receipts) must still run.
        if (failureOf(error).kind !== 'permanent') {
          throw error;
        }
        this.#deps.log.warn('sync.registers_feed_unavailable', { code: failureOf(error).code });
        return;
      }
      // The entries and the cursor in one transaction: a crash in between re-pulls the page.
      await registers.apply(page.items, page.nextCursor);
      this.#succeeded();
      if (!page.hasMore || page.items.length === 0) {
        return;
      }
    }
  }

  async #pullDirectory(): Promise<void> {
    const directory = this.#deps.directory;
    if (directory === undefined) {
      return;
    }
    for (;;) {
      const cursor = await directory.cursor();
      const page = await this.#deps.api.organizations(cursor);
      if (page.items.length === 0) {
        return;
      }
      await directory.apply(page.items, page.nextCursor);
      this.#succeeded();
    }
  }

  async #pullCalendar(): Promise<void> {
    const calendar = this.#deps.calendar;
    if (calendar === undefined || !calendar.wanted()) {
      return;
    }
    let items: unknown[];
    try {
      items = await this.#deps.api.calendar();
    } catch (error) {
      const failure = failureOf(error);
      if (failure.kind !== 'permanent') {
        throw error;
      }
      // A server before 1.4.0 has no calendar: the law's defaults (and any import) stand.
      this.#deps.log.info('sync.calendar_unavailable', { code: failure.code });
      return;
    }
    await calendar.apply(items);
    this.#succeeded();
  }

  async #pullReceipts(): Promise<void> {
    const receipts = this.#deps.receipts;
    if (receipts === undefined) {
      return;
    }
    const updates: { documentId: string; recipients: RecipientStatus[] }[] = [];
    for (const documentId of await receipts.awaiting()) {
      try {
        updates.push({ documentId, recipients: await this.#deps.api.recipients(documentId) });
        this.#succeeded();
      } catch (error) {
        const failure = failureOf(error);
        if (failure.kind !== 'permanent') {
          throw error;
        }
        // One document the server does not know (yet) must not hide the others' receipts.
        this.#deps.log.warn('sync.receipts_failed', { documentId, code: failure.code });
      }
    }
    if (updates.length > 0) {
      await receipts.apply(updates);
    }
  }

  async #pullInbox(): Promise<number> {
    const inbox = this.#deps.inbox;
    if (inbox === undefined) {
      return 0;
    }
    let pulled = 0;
    for (;;) {
      const page = await this.#deps.api.inbox(await inbox.sink.cursor());
      for (const item of page.items) {
        // A 'registered' item may be the first we see of a document (a page lost with a restored backup).
        if (item.kind !== 'recall' && item.document.recalledAt === null) {
          for (const file of item.document.files) {
            await downloadFile(this.#deps.api, file, inbox.files, (sha256, done, total) =>
              this.#deps.onProgress?.({ direction: 'download', sha256, done, total }),
            );
          }
        }
      }
      // Files first, then documents and cursor in one transaction: a crash in between re-pulls the page.
      await inbox.sink.apply(page.items, page.nextCursor);
      pulled += page.items.length;
      this.#succeeded();
      if (!page.hasMore || page.items.length === 0) {
        return pulled;
      }
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

  /** Workers claiming jobs now, across rounds and drains: at most `concurrency` at once. */
  #workers = 0;

  /**
   * Every due job (in parallel across keys, in order within a key); counts what happened. Tops the
   * pool up to `concurrency`: a drain asked for while workers run adds workers instead of leaving
   * the new work to the one worker still alive (which sent a busy outbox one job at a time).
   */
  async #sendDue(counts: { sent: number; retried: number; failed: number }): Promise<void> {
    const { outbox, clock } = this.#deps;
    const concurrency = Math.max(0, (this.#deps.concurrency ?? 4) - this.#workers);
    // A pool of workers, each claiming one job at a time: a long upload never holds back the
    // small changes of other documents, and a finished job lets the next of its key go at once.
    const worker = async (): Promise<void> => {
      let job = this.#haltRound ? undefined : (await outbox.claimDue(clock.now(), 1))[0];
      while (job !== undefined) {
        const { outcome, next } = await this.#settle(job);
        counts.sent += outcome === 'sent' ? 1 : 0;
        counts.retried += outcome === 'retried' ? 1 : 0;
        counts.failed += outcome === 'failed' ? 1 : 0;
        // A claimed job is always run (never left in flight); otherwise claim only while the round goes on.
        job = next ?? (this.#haltRound ? undefined : (await outbox.claimDue(clock.now(), 1))[0]);
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

  /**
   * Send what is due in the outbox and nothing else: no leases, directory, inbox, registers or
   * receipts. What the app runs when work was just queued, so a step costs its own requests only
   * (the pulls come with the next full round). Claims are transactions, so a drain may overlap a round.
   */
  async drain(): Promise<RoundReport> {
    await this.#recover();
    const counts = { sent: 0, retried: 0, failed: 0 };
    if (this.#deps.clock.now().getTime() < this.#offlineUntil) {
      return { ...counts, pulled: 0 };
    }
    // Each drain tries again, as each round does (a refusal now halts this drain and any round).
    this.#haltRound = false;
    try {
      await this.#sendDue(counts);
    } catch (error) {
      this.#noteFailure(failureOf(error));
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
    if (this.#haltRound) {
      return;
    }
    try {
      await run();
    } catch (error) {
      // Retried at the loop's next pass (soon, since the round failed); it only changes what we show.
      this.#roundFailed = true;
      this.#noteFailure(failureOf(error));
    }
  }

  /** One round: leases, every due job (in parallel across keys, in order within a key), inbox. */
  async runRound(): Promise<RoundReport> {
    await this.#recover();
    this.#status = { ...this.#status, running: true };
    this.#emit();
    // Every round tries again, including a fresh login after an auth failure.
    this.#haltRound = false;
    this.#answered = false;
    this.#roundFailed = false;
    const counts = { sent: 0, retried: 0, failed: 0 };
    let pulled = 0;
    if (this.#deps.clock.now().getTime() < this.#offlineUntil) {
      this.#roundFailed = true;
      this.#status = { ...this.#status, running: false };
      return { ...counts, pulled };
    }
    try {
      await this.#part(() => this.#refillLeases());
      await this.#part(() => this.#pullDirectory());
      await this.#part(() => this.#pullCalendar());
      await this.#part(() => this.#sendDue(counts));
      await this.#part(async () => {
        pulled = await this.#pullInbox();
      });
      await this.#part(() => this.#pullRegisters());
      await this.#part(() => this.#pullReceipts());
      await this.#part(() => this.#returnLeases());
    } finally {
      this.#status = { ...this.#status, running: false };
      this.#emit();
    }
    return { ...counts, pulled };
  }

  /**
   * Something says the server may be reachable again (the network came back, a person signed in,
   * "Đồng bộ ngay"): the next round or drain probes at once instead of waiting out the backoff
   * that unanswered exchanges built up. If it still gets no answer, the backoff goes on from there.
   */
  retryNow(): void {
    this.#offlineUntil = 0;
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
      const offlineFor = this.#offlineUntil - this.#deps.clock.now().getTime();
      const wait = due === null ? (offlineFor > 0 ? offlineFor : null) : Math.max(due, offlineFor);
      const healthy = !this.#roundFailed;
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
