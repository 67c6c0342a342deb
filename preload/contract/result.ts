import type { AppError } from './errors.ts';

/** The envelope every IPC call returns: callers never depend on thrown classes crossing processes. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail<T = never>(error: AppError): Result<T> {
  return { ok: false, error };
}
