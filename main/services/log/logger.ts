/** Structured logging port: an event name plus fields. Fields pass through `redact` before any sink. */
export interface Logger {
  debug(event: string, fields?: Record<string, unknown>): void;
  info(event: string, fields?: Record<string, unknown>): void;
  warn(event: string, fields?: Record<string, unknown>): void;
  error(event: string, fields?: Record<string, unknown>): void;
}

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

const SECRET_KEY = /pin|pass(word)?|secret|token(?!Label|Serial|s?$)|authorization|cookie|otp|private/i;
const REDACTED = '[redacted]';

/**
 * Remove secrets from log fields, by key (pin, password, secret, access tokens …) and by shape
 * (Bearer headers). Errors are flattened to name, code and message so nothing else leaks.
 */
export function redact(value: unknown, depth = 0): unknown {
  if (depth > 6) {
    return '[deep]';
  }
  if (value instanceof Error) {
    const code = (value as { code?: unknown }).code;
    return { name: value.name, message: redactText(value.message), ...(code === undefined ? {} : { code }) };
  }
  if (typeof value === 'string') {
    return redactText(value);
  }
  if (Array.isArray(value)) {
    return value.map((v) => redact(v, depth + 1));
  }
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      out[k] = SECRET_KEY.test(k) ? REDACTED : redact(v, depth + 1);
    }
    return out;
  }
  return value;
}

function redactText(text: string): string {
  return text
    .replace(/(bearer\s+)[\w.~+/=-]+/gi, `$1${REDACTED}`)
    .replace(/((?:pin|password|secret)\s*[=:]\s*)\S+/gi, `$1${REDACTED}`);
}

/** A logger that drops everything, for tests of code that only needs a port. */
export const silentLogger: Logger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};
