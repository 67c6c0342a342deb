/*
 * The error codes and VanthuError without zod: code that only throws or catches errors (the
 * PKCS#11 worker, the signing path of the \`vanthu\` command) loads this alone, not the schemas of
 * every channel, which cost a short process a noticeable part of its start. errors.ts re-exports it.
 */

/**
 * The closed set of failures the app can explain to a user. Every layer maps what it
 * catches onto one of these; the renderer switches on it to choose a message and an action.
 */
export const ERROR_CODES = [
  // input and files
  'INVALID_INPUT',
  'FILE_NOT_FOUND',
  'FILE_TOO_LARGE',
  'FILE_WRITE_FAILED',
  'DISK_FULL',
  'PDF_MALFORMED',
  'PDF_ENCRYPTED',
  'PDF_CERTIFIED_NO_CHANGES',
  'PDF_FIELD_EXISTS',
  'PDF_FIELD_NOT_FOUND',
  'PDF_PLACEHOLDER_TOO_SMALL',
  'PDF_PLACEMENT_NOT_FOUND',
  'PDF_FIELD_PLACEMENT_NOT_FOUND',
  'IMAGE_INVALID',
  // OCR of scans (issue #21)
  'OCR_FAILED',
  'OCR_CANCELLED',
  // tokens and certificates
  'MODULE_LOAD_FAILED',
  'MODULE_HUNG',
  'TOKEN_ABSENT',
  'TOKEN_REMOVED',
  'PIN_INCORRECT',
  'PIN_LOCKED',
  'PIN_LEN_RANGE',
  'PIN_EXPIRED',
  'KEY_NOT_FOUND',
  'MECHANISM_UNSUPPORTED',
  'TOKEN_GENERAL_ERROR',
  'CERT_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_KEY_USAGE',
  'CERT_REVOKED',
  'CERT_ROLE_MISMATCH',
  'TSA_FAILED',
  // verification
  'VERIFY_FAILED',
  // store and registers
  'DB_FROM_FUTURE',
  'DB_CORRUPT',
  'DB_BUSY',
  'NOT_FOUND',
  'DUPLICATE',
  'STATE_TRANSITION_INVALID',
  'SECRET_STAYS_LOCAL',
  'ARRIVAL_UNCHECKED',
  'ARRIVAL_REJECTED',
  'SCAN_BELOW_STANDARD',
  'NUMBER_UNAVAILABLE',
  'AUDIT_BROKEN',
  // the profile encrypted at rest
  'PROFILE_LOCKED',
  'PROFILE_KEY_WRONG',
  // the issuing chain (draft → leader's signature → cấp số → đóng dấu → phát hành) and who may act
  'ISSUING_CHAIN_BROKEN',
  'ROLE_NOT_ALLOWED',
  // sync
  'SYNC_OFFLINE',
  'SYNC_AUTH',
  'SYNC_CONFLICT',
  'SYNC_REJECTED',
  'SYNC_INSECURE_URL',
  // browser shell / IPC
  'IPC_FORBIDDEN',
  'IPC_UNKNOWN_CHANNEL',
  // the window locked itself after idle time (issue #19): only the lock's own channels answer
  'APP_LOCKED',
  // a bug: logged with context and shown as such
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** The shape of AppErrorSchema (errors.ts), written out so this file needs no zod. */
export interface AppErrorShape {
  code: ErrorCode;
  message: string;
  retryable: boolean;
  details?: Record<string, unknown>;
}

/**
 * An expected failure, thrown inside main/native/server code and turned into a `Result`
 * at the IPC edge. `message` is Vietnamese and safe to show; `details` must never hold secrets.
 */
export class VanthuError extends Error {
  readonly code: ErrorCode;
  readonly retryable: boolean;
  readonly details: Record<string, unknown> | undefined;

  constructor(
    code: ErrorCode,
    message: string,
    options: { retryable?: boolean; details?: Record<string, unknown>; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'VanthuError';
    this.code = code;
    this.retryable = options.retryable ?? false;
    this.details = options.details;
  }

  /** The error again on this side of a thread or process boundary it crossed as its shape. */
  static fromAppError(error: AppErrorShape): VanthuError {
    return new VanthuError(error.code, error.message, {
      retryable: error.retryable,
      ...(error.details === undefined ? {} : { details: error.details }),
    });
  }

  toAppError(): AppErrorShape {
    const base = { code: this.code, message: this.message, retryable: this.retryable };
    return this.details === undefined ? base : { ...base, details: this.details };
  }
}

export function isVanthuError(value: unknown): value is VanthuError {
  return value instanceof VanthuError;
}
