import { useState } from 'react';
import type { AppError, Result } from '../../../preload/contract/index.ts';

export interface Action {
  readonly busy: boolean;
  readonly error: AppError | null;
  /** Runs one call: busy while it lasts, its refusal kept for the screen; `onOk` gets the value. */
  run<T>(call: () => Promise<Result<T>>, onOk: (value: T) => void): Promise<void>;
}

/** One user action's call to main as a form shows it: a busy flag and the reason main gave. */
export function useAction(): Action {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  return {
    busy,
    error,
    async run(call, onOk) {
      setBusy(true);
      setError(null);
      const result = await call();
      setBusy(false);
      if (result.ok) {
        onOk(result.value);
      } else {
        setError(result.error);
      }
    },
  };
}
