import type { JobKind, JobPayload } from './jobs.ts';

/**
 * pending → in-flight → done; retry puts it back to pending with a later next attempt;
 * failed is permanent (shown to the user); paused is skipped until resumed.
 */
export type OutboxState = 'pending' | 'in-flight' | 'done' | 'failed' | 'paused';

interface OutboxJobFields {
  /** uuid v7: sorts by creation time and is the server's Idempotency-Key. */
  readonly id: string;
  /**
   * Jobs with the same key are delivered one at a time, in creation order (a status change
   * must not overtake the registration it refers to). Usually the document id, or the sha256.
   */
  readonly key: string;
  readonly state: OutboxState;
  readonly attempts: number;
  /** ISO 8601 UTC. */
  readonly nextAttemptAt: string;
  readonly lastError: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/**
 * A queued job. Without a kind given it is the union of every kind, discriminated by `kind`:
 * `switch (job.kind)` narrows `job.payload` to that kind's payload without a cast. (Indexing a
 * type mapped over the kinds, rather than a conditional type, lets a generic `K` be built too.)
 */
export type OutboxJob<K extends JobKind = JobKind> = {
  [P in K]: OutboxJobFields & { readonly kind: P; readonly payload: JobPayload<P> };
}[K];

/** A job to queue; as a union over kinds, a payload can only go with its own kind. */
export type NewJob<K extends JobKind = JobKind> = {
  [P in K]: { readonly kind: P; readonly key: string; readonly payload: JobPayload<P> };
}[K];

export type OutboxCounts = Readonly<Record<OutboxState, number>>;

/**
 * The port between the store (which writes jobs) and the sync service (which drains them).
 * The SQLite implementation is synchronous and runs where the database lives (the store
 * worker); `enqueue` must be called inside the caller's transaction so the change and its job
 * commit or roll back together.
 */
export interface OutboxStore {
  enqueue<K extends JobKind>(job: NewJob<K>, now?: Date): OutboxJob<K>;
  /**
   * Claim up to `limit` due jobs (pending, next attempt ≤ now), marking them in-flight. At most
   * one job per key is in flight, and only the oldest unfinished job of a key can be claimed.
   */
  claimDue(now: Date, limit: number): OutboxJob[];
  markDone(id: string, now?: Date): void;
  /**
   * Mark a job done and claim up to `limit` due jobs in ONE transaction: a drain pays one
   * commit (fsync) per job instead of two. `limit` 0 only marks the job done.
   */
  markDoneAndClaim(id: string, now: Date, limit: number): OutboxJob[];
  /** A retryable failure: back to pending, attempts + 1, try again at `nextAttemptAt`. */
  markRetry(id: string, nextAttemptAt: Date, error: string, now?: Date): void;
  /**
   * Every pending job waiting out its backoff is due at `now`: the server answers again (or the
   * person asked to sync), and the wait was for the server, not for the job. Returns how many.
   */
  dueNow(now: Date): number;
  /** A permanent failure (the server refused the change). Later jobs of the same key wait. */
  markFailed(id: string, error: string, now?: Date): void;
  /**
   * The server already holds what the unsent jobs of this kind and key would send (pending, paused
   * or failed ones): mark them done and return their ids. A job in flight is left to finish: a
   * repeat of its key gets the server's first answer.
   */
  supersede(kind: JobKind, key: string, now?: Date): string[];
  /** Pause one job, or every pending job when `id` is omitted. */
  pause(id?: string): void;
  resume(id?: string): void;
  /** After a crash, jobs left in-flight are unknown: put them back to pending (idempotent on the server). */
  requeueInFlight(): number;
  get(id: string): OutboxJob | undefined;
  list(filter?: { state?: OutboxState; limit?: number }): OutboxJob[];
  counts(): OutboxCounts;
}
