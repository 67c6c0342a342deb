/**
 * Fault injection for one server run. Everything is driven by a seeded generator so a failing
 * run can be replayed, and by the server's clock so a long outage can be simulated without waiting.
 */
export interface FaultConfig {
  /** Share of requests (0..1) that fail: half before the change is applied, half after (answer lost). */
  readonly errorRate: number;
  /** Added before every answer, in real milliseconds. */
  readonly latencyMs: number;
  /** Share of uploads and downloads (0..1) whose connection is reset in the middle of the body. */
  readonly resetRate: number;
  /** While the clock is inside [start, end), every connection is dropped without an answer. */
  readonly outage: { readonly startMs: number; readonly endMs: number } | null;
  /** When set, answers are written in slices at about this many bytes per second. */
  readonly dripBytesPerSecond: number | null;
  readonly seed: number;
}

export const NO_FAULTS: FaultConfig = {
  errorRate: 0,
  latencyMs: 0,
  resetRate: 0,
  outage: null,
  dripBytesPerSecond: null,
  seed: 1,
};

export type RequestFault = 'none' | 'fail-before' | 'lose-answer';

export interface Faults {
  config(): FaultConfig;
  update(patch: Partial<FaultConfig>): void;
  inOutage(nowMs: number): boolean;
  /** Decided once per request. */
  requestFault(): RequestFault;
  shouldResetBody(): boolean;
}

/** mulberry32: small, fast, good enough to spread faults evenly. */
function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function createFaults(initial: FaultConfig = NO_FAULTS): Faults {
  let current = initial;
  let random = seededRandom(initial.seed);
  return {
    config: () => current,
    update(patch) {
      current = { ...current, ...patch };
      if (patch.seed !== undefined) {
        random = seededRandom(patch.seed);
      }
    },
    inOutage: (nowMs) => current.outage !== null && nowMs >= current.outage.startMs && nowMs < current.outage.endMs,
    requestFault() {
      if (current.errorRate <= 0 || random() >= current.errorRate) {
        return 'none';
      }
      return random() < 0.5 ? 'fail-before' : 'lose-answer';
    },
    shouldResetBody: () => current.resetRate > 0 && random() < current.resetRate,
  };
}
