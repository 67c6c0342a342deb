/** The pacer's clock: `setTimeout` in the app, a hand-driven fake in its tests. */
export interface PacerTimer {
  now(): number;
  /** Run `fn` after `ms`; the returned function cancels it. */
  after(fn: () => void, ms: number): () => void;
}

export const systemPacerTimer: PacerTimer = {
  now: () => performance.now(),
  after(fn, ms) {
    const timer = setTimeout(fn, ms);
    return () => clearTimeout(timer);
  },
};

export interface ProgressPacer<T> {
  /** A new state: shown now, or at the end of the current interval if one was shown within it. */
  report(value: T): void;
  /** The last state, shown at once; nothing reported after it is shown. */
  finish(value: T): void;
  /** Show nothing more, not even a state waiting for its interval (the work ended otherwise). */
  stop(): void;
}

/**
 * At most one progress event per `intervalMs`, the newest state always shown in the end. A batch
 * signs a document every few milliseconds: an event for each made the screen lay itself out a
 * hundred times on the cores the signing needs, for changes faster than anyone reads. A slow
 * document is still shown as soon as its interval ends (the trailing event), never left unshown.
 */
export function pacedProgress<T>(
  emit: (value: T) => void,
  intervalMs: number,
  timer: PacerTimer = systemPacerTimer,
): ProgressPacer<T> {
  let lastShown = Number.NEGATIVE_INFINITY;
  let waiting: { value: T } | undefined;
  let cancel: (() => void) | undefined;
  let finished = false;
  const show = (value: T): void => {
    lastShown = timer.now();
    emit(value);
  };
  const stop = (): void => {
    finished = true;
    cancel?.();
    cancel = undefined;
    waiting = undefined;
  };
  return {
    report(value) {
      if (finished) {
        return;
      }
      const since = timer.now() - lastShown;
      if (since >= intervalMs) {
        show(value);
        return;
      }
      waiting = { value };
      cancel ??= timer.after(() => {
        cancel = undefined;
        const next = waiting;
        waiting = undefined;
        if (next !== undefined && !finished) {
          show(next.value);
        }
      }, intervalMs - since);
    },
    finish(value) {
      stop();
      show(value);
    },
    stop,
  };
}
