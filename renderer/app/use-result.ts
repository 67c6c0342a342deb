import { useEffect, useState } from 'react';
import type { AppError, Result } from '../../preload/contract/index.ts';

export type Loadable<T> = { state: 'loading' } | { state: 'ready'; value: T } | { state: 'failed'; error: AppError };

/** Run one contract call when the component mounts and expose it as a three-state value. */
export function useResult<T>(load: () => Promise<Result<T>>, deps: readonly unknown[] = []): Loadable<T> {
  const [value, setValue] = useState<Loadable<T>>({ state: 'loading' });
  useEffect(() => {
    let live = true;
    load().then(
      (result) =>
        live &&
        setValue(result.ok ? { state: 'ready', value: result.value } : { state: 'failed', error: result.error }),
      () => live && setValue({ state: 'failed', error: { code: 'INTERNAL', message: '', retryable: true } }),
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- callers list the inputs of `load` in deps
  }, deps);
  return value;
}
