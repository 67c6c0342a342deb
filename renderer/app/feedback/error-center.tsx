import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import type { AppError } from '../../../preload/contract/index.ts';
import { ErrorNotice } from './ErrorNotice.tsx';

interface Shown {
  readonly id: number;
  readonly error: AppError;
  readonly retry: (() => void) | undefined;
}

interface ErrorCenter {
  /** Show an error that belongs to no single field or form (an action failed, an event arrived). */
  present(error: AppError, retry?: () => void): void;
  dismiss(id: number): void;
  readonly shown: readonly Shown[];
}

const Context = createContext<ErrorCenter>({ present: () => undefined, dismiss: () => undefined, shown: [] });

export function useErrorCenter(): Pick<ErrorCenter, 'present'> {
  return useContext(Context);
}

let nextId = 1;

/** Holds the errors presented anywhere in the app; `ErrorArea` shows them. */
export function ErrorCenterProvider({ children }: { children: ReactNode }) {
  const [shown, setShown] = useState<readonly Shown[]>([]);
  const present = useCallback((error: AppError, retry?: () => void) => {
    // One notice per code: a repeated failure replaces its notice instead of stacking copies.
    setShown((list) => [...list.filter((s) => s.error.code !== error.code), { id: nextId++, error, retry }]);
  }, []);
  const dismiss = useCallback((id: number) => setShown((list) => list.filter((s) => s.id !== id)), []);
  const value = useMemo(() => ({ present, dismiss, shown }), [present, dismiss, shown]);
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

/** The global error area above every screen; each notice stays until dismissed, so none is missed. */
export function ErrorArea() {
  const { shown, dismiss } = useContext(Context);
  return (
    <div className="error-center" data-testid="error-center">
      {shown.map((s) => (
        <ErrorNotice
          key={s.id}
          error={s.error}
          onDismiss={() => dismiss(s.id)}
          onRetry={
            // "Thử lại" only where main says trying again can help (busy database, token pulled …).
            s.retry === undefined || !s.error.retryable
              ? undefined
              : () => {
                  dismiss(s.id);
                  s.retry?.();
                }
          }
        />
      ))}
    </div>
  );
}
