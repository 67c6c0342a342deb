/** Exponential backoff with full jitter (AWS architecture blog): spreads retries of many clients. */
export interface BackoffPolicy {
  readonly baseMs: number;
  readonly capMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 1_000, capMs: 5 * 60_000 };

/**
 * Delay before attempt `attempt + 1`. A server's Retry-After is a floor: we never come back
 * sooner than asked, but still add jitter above it so clients do not return in lockstep.
 */
export function backoffDelay(
  attempt: number,
  retryAfterMs: number | null,
  policy: BackoffPolicy = DEFAULT_BACKOFF,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** Math.min(attempt, 30));
  const jittered = Math.floor(random() * ceiling);
  if (retryAfterMs === null) {
    return jittered;
  }
  return Math.min(Math.max(policy.capMs, retryAfterMs), retryAfterMs + Math.floor(jittered / 4));
}
