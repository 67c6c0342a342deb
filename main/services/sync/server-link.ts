import type { SyncStatus } from '../../../preload/contract/sync.ts';
import { backoffDelay, DEFAULT_BACKOFF, type BackoffPolicy } from './backoff.ts';
import type { Failure } from './classify.ts';
import type { SyncClock } from './ports.ts';

/** The engine's status without what the outbox and the inbox cursor tell. */
export type LinkStatus = Omit<SyncStatus, 'pending' | 'failed' | 'conflicts' | 'needsLogin'>;

/**
 * What the engine knows of the server between exchanges: whether it answered, the backoff that
 * unanswered exchanges built up, and whether the current round (or drain) must stop. One object
 * shared by every part of a round, so a refusal seen by one part halts the others.
 */
export class ServerLink {
  readonly #clock: SyncClock;
  readonly #backoff: BackoffPolicy;
  readonly #onReturn: () => void;
  /** Consecutive exchanges that got no answer at all; drives the whole engine's backoff. */
  #unreachable = 0;
  #offlineUntil = 0;
  /** Set within a round when the session is refused or the server unreachable: stop claiming jobs. */
  halted = false;
  /** Set within a round once the server answered: only then is a leased block cut and given back. */
  answered = false;
  /** Set within a round when one of its parts failed: the loop tries again soon, not at the poll. */
  roundFailed = false;
  status: LinkStatus = {
    connection: 'unknown',
    authRequired: false,
    running: false,
    lastSuccessAt: null,
    lastError: null,
    inboxCursor: null,
  };

  /**
   * `onReturn`: the server answers after exchanges that got no answer. The jobs that waited out
   * their own backoff meanwhile waited for the server, which is back: the engine makes them due.
   */
  constructor(clock: SyncClock, backoff: BackoffPolicy = DEFAULT_BACKOFF, onReturn: () => void = () => undefined) {
    this.#clock = clock;
    this.#backoff = backoff;
    this.#onReturn = onReturn;
  }

  /** Every round tries again, including a fresh login after an auth failure. */
  beginRound(): void {
    this.halted = false;
    this.answered = false;
    this.roundFailed = false;
  }

  /** Each drain tries again, as each round does (a refusal now halts this drain and any round). */
  beginDrain(): void {
    this.halted = false;
  }

  setRunning(running: boolean): void {
    this.status = { ...this.status, running };
  }

  /** Milliseconds left of the backoff unanswered exchanges built up (zero or less: probe now). */
  offlineForMs(): number {
    return this.#offlineUntil - this.#clock.now().getTime();
  }

  /** The server may be reachable again: the next exchange probes at once instead of waiting. */
  retryNow(): void {
    this.#offlineUntil = 0;
  }

  succeeded(): void {
    const returned = this.#unreachable > 0;
    this.answered = true;
    this.#unreachable = 0;
    this.#offlineUntil = 0;
    this.status = {
      ...this.status,
      connection: 'online',
      authRequired: false,
      lastSuccessAt: this.#clock.now().toISOString(),
      lastError: null,
    };
    if (returned) {
      this.#onReturn();
    }
  }

  noteFailure(failure: Failure): void {
    const offline = failure.kind === 'retryable' && failure.details['cause'] !== undefined;
    if (offline || failure.kind === 'auth') {
      this.halted = true;
      // What the halted round did not reach is tried again soon, as for a part that failed.
      this.roundFailed = true;
    }
    if (offline) {
      // One probe per backoff step while the server is unreachable, not one per queued job.
      this.#unreachable += 1;
      const delay = backoffDelay(this.#unreachable, failure.retryAfterMs, this.#backoff);
      this.#offlineUntil = this.#clock.now().getTime() + delay;
    }
    this.status = {
      ...this.status,
      ...(offline ? { connection: 'offline' as const } : {}),
      ...(failure.kind === 'auth' ? { authRequired: true } : {}),
      lastError: `${failure.code}: ${failure.message}`,
    };
  }
}
