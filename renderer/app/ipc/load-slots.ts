/**
 * How many screen loads may wait on the host at once. A screen can ask for many at a time (the
 * thể thức preview of each of a hundred selected drafts); the browser shell's host is reached
 * over HTTP/1.1, six connections per host, one of them the event stream, so without a limit the
 * loads fill every connection and an action (Ký, Đóng dấu) queues behind them. Actions do not
 * take a slot; loads beyond the limit wait their turn, and one whose screen has gone never runs.
 */
export const MAX_LOADS = 3;

export interface LoadSlots {
  /** Runs `task` once a slot is free, unless `wanted()` has become false by then (resolves undefined). */
  run<T>(task: () => Promise<T>, wanted: () => boolean): Promise<T | undefined>;
  /** Loads running now (tests). */
  running(): number;
}

export function createLoadSlots(max = MAX_LOADS): LoadSlots {
  let running = 0;
  const waiting: Array<() => void> = [];
  const next = (): void => {
    const start = waiting.shift();
    start?.();
  };
  return {
    run(task, wanted) {
      return new Promise((resolve, reject) => {
        const start = (): void => {
          if (!wanted()) {
            resolve(undefined);
            next();
            return;
          }
          running += 1;
          task()
            .then(resolve, reject)
            .finally(() => {
              running -= 1;
              next();
            });
        };
        if (running < max) {
          start();
        } else {
          waiting.push(start);
        }
      });
    },
    running: () => running,
  };
}

/** The app's loads share one set of slots. */
export const loadSlots = createLoadSlots();
