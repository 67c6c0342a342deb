import { z } from 'zod';
import type { HttpResponse } from './transport.ts';

const ProblemFieldsSchema = z.record(z.string(), z.unknown());

/**
 * What to do with a failed exchange:
 * - retryable: the network or the server's health; try again later, the change is kept;
 * - auth: the session is gone; refresh or log in again, then retry;
 * - conflict: the server refused for a reason the user must resolve (number taken, recalled …);
 * - permanent: the request itself is wrong; shown to the user with what to do.
 */
export type FailureClass = 'retryable' | 'auth' | 'conflict' | 'permanent';

export interface Failure {
  readonly kind: FailureClass;
  readonly code: string;
  readonly message: string;
  /** From Retry-After, in milliseconds, when the server said. */
  readonly retryAfterMs: number | null;
  readonly details: Record<string, unknown>;
}

const NETWORK_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'ERR_NETWORK',
  'ERR_CANCELED',
  'ERR_BAD_RESPONSE',
  'ERR_SOCKET_CONNECTION_TIMEOUT',
]);

/** TLS failures are never retried as if the network were flaky: they are a setup problem. */
const TLS_CODE = /CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY/;

export function parseRetryAfter(value: string | undefined, now: Date): number | null {
  if (value === undefined) {
    return null;
  }
  const seconds = Number(value);
  if (Number.isFinite(seconds)) {
    return Math.max(0, seconds * 1000);
  }
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, date - now.getTime());
}

export function classifyResponse(response: HttpResponse, now: Date): Failure {
  // A problem answer (preload/contract/wire ProblemSchema) is read field by field: a proxy's error
  // page in front of the server answers too, without them.
  const problem = ProblemFieldsSchema.safeParse(response.data);
  const body = problem.success ? problem.data : {};
  const code = typeof body['code'] === 'string' ? body['code'] : `HTTP_${response.status}`;
  const message = typeof body['detail'] === 'string' ? body['detail'] : `Máy chủ trả về mã ${response.status}.`;
  const retryAfterMs = parseRetryAfter(response.headers['retry-after'], now);
  const base = { code, message, retryAfterMs, details: body };
  const status = response.status;
  if (status === 401) {
    return { ...base, kind: 'auth' };
  }
  if (status === 409) {
    return { ...base, kind: 'conflict' };
  }
  // The file a publish refers to is not on the server yet: upload, then retry (never the user's problem).
  if (
    status === 408 ||
    code === 'FILE_NOT_UPLOADED' ||
    status === 423 ||
    status === 425 ||
    status === 429 ||
    status >= 500
  ) {
    return { ...base, kind: 'retryable' };
  }
  return { ...base, kind: 'permanent' };
}

export function classifyError(error: unknown): Failure {
  const code = String((error as { code?: unknown }).code ?? (error as Error).name ?? 'UNKNOWN');
  const message = error instanceof Error ? error.message : String(error);
  if (TLS_CODE.test(code)) {
    return { kind: 'permanent', code: 'TLS', message, retryAfterMs: null, details: { cause: code } };
  }
  // Anything else that never produced an HTTP answer is the network: keep the change, retry.
  return {
    kind: 'retryable',
    code: NETWORK_CODES.has(code) ? code : 'NETWORK',
    message,
    retryAfterMs: null,
    details: { cause: code },
  };
}

export class SyncFailure extends Error {
  readonly failure: Failure;

  constructor(failure: Failure) {
    super(`${failure.kind}:${failure.code}: ${failure.message}`);
    this.name = 'SyncFailure';
    this.failure = failure;
  }
}

/** The failure a thrown error stands for: the server's own when it answered, else the network's. */
export function failureOf(error: unknown): Failure {
  return error instanceof SyncFailure ? error.failure : classifyError(error);
}
