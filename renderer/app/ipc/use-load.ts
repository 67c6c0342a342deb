import { useCallback, useEffect, useState } from 'react';
import type { AppError, Result } from '../../../preload/contract/index.ts';
import { isServiceMissing } from './call.ts';
import { loadSlots } from './load-slots.ts';

export type Loaded<T> =
  | { state: 'loading' }
  | { state: 'ready'; value: T }
  | { state: 'failed'; error: AppError }
  | { state: 'missing'; channel: string };

export interface Loader<T> {
  readonly data: Loaded<T>;
  /** Load again (after a change, or when the user asks); keeps showing the old value meanwhile. */
  reload(): void;
}

/**
 * Load one contract call and keep it as a four-state value. `missing` is the host's honest
 * IPC_UNKNOWN_CHANNEL: the service has not landed, and the screen says so instead of guessing.
 */
export function useLoad<T>(channel: string, load: () => Promise<Result<T>>, deps: readonly unknown[]): Loader<T> {
  const [data, setData] = useState<Loaded<T>>({ state: 'loading' });
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    let live = true;
    // In turn with the screen's other loads; a load whose screen has gone by its turn never runs.
    void loadSlots
      .run(load, () => live)
      .then((result) => {
        if (!live || result === undefined) {
          return;
        }
        if (result.ok) {
          setData({ state: 'ready', value: result.value });
        } else if (isServiceMissing(result.error)) {
          setData({ state: 'missing', channel });
        } else {
          setData({ state: 'failed', error: result.error });
        }
      });
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- callers list the inputs of `load` in deps
  }, [...deps, generation]);
  const reload = useCallback(() => setGeneration((n) => n + 1), []);
  return { data, reload };
}
