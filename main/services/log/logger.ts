/** Structured logging port: an event name plus fields. Fields pass through `redact` before any sink. */
export interface Logger {
  debug(event: string, fields?: Record<string, unknown>): void;
  info(event: string, fields?: Record<string, unknown>): void;
  warn(event: string, fields?: Record<string, unknown>): void;
  error(event: string, fields?: Record<string, unknown>): void;
}

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

// "token" alone is a USB token here (label, serial), so only credential-like token keys are secret.
const SECRET_KEYS = [
  /^(user|so|new|old)?pin(code)?$/i,
  /pass(word|phrase)|secret|authorization|cookie|^otp$|private_?key/i,
  /(access|refresh|auth|id|session|bearer|api)_?token$/i,
];
const isSecretKey = (key: string): boolean => SECRET_KEYS.some((pattern) => pattern.test(key));
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
      out[k] = isSecretKey(k) ? REDACTED : redact(v, depth + 1);
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
