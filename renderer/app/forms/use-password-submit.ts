import { useRef, useState, type RefObject } from 'react';
import type { AppError } from '../../../preload/contract/errors.ts';

export type Sent<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: AppError };

export interface PasswordSubmit {
  /** For the uncontrolled password input: the value is read at submit and emptied at once. */
  readonly password: RefObject<HTMLInputElement | null>;
  readonly busy: boolean;
  readonly error: AppError | null;
  submit(): Promise<void>;
}

/**
 * Sending a password to main once: read from an uncontrolled field at submit and emptied at once,
 * so it is never in React state, a draft or storage; a refusal keeps main's error and puts the
 * cursor back in the field for another try. `requireValue`: an empty field sends nothing.
 */
export function usePasswordSubmit<T>(
  send: (password: string) => Promise<Sent<T>>,
  onDone: (value: T) => void,
  requireValue = false,
): PasswordSubmit {
  const password = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const submit = async (): Promise<void> => {
    const secret = password.current?.value ?? '';
    if (password.current !== null) {
      password.current.value = '';
    }
    if (requireValue && secret === '') {
      password.current?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    const result = await send(secret);
    setBusy(false);
    if (result.ok) {
      onDone(result.value);
    } else {
      setError(result.error);
      password.current?.focus();
    }
  };
  return { password, busy, error, submit };
}
