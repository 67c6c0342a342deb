import { z } from 'zod';
import type { Failure } from './classify.ts';

/** A failed job's `lastError`: JSON, so conflicts keep their code and resolution for the user. */
export interface StoredFailure {
  readonly kind: Failure['kind'];
  readonly code: string;
  readonly message: string;
  readonly resolution?: string;
}

const StoredFailureSchema: z.ZodType<StoredFailure> = z.looseObject({
  kind: z.enum(['retryable', 'permanent', 'auth', 'conflict']),
  code: z.string(),
  message: z.string(),
  resolution: z.string().optional(),
});

export function parseStoredFailure(lastError: string | null): StoredFailure | null {
  if (lastError === null) {
    return null;
  }
  // The outbox's last_error, read back from disk: parsed, and shown as is when it is not ours.
  let json: unknown;
  try {
    json = JSON.parse(lastError);
  } catch {
    json = undefined;
  }
  const parsed = StoredFailureSchema.safeParse(json);
  return parsed.success ? parsed.data : { kind: 'permanent', code: 'UNKNOWN', message: lastError };
}
