import { errorMessageVi } from '../../preload/contract/error-messages.vi.ts';
import { VanthuError, type ErrorCode } from '../../preload/contract/vanthu-error.ts';
import { CKR, ckrName } from './ckr.ts';

/** What the caller knows when a PKCS#11 call fails; used to make the message specific. */
export interface Pkcs11ErrorContext {
  /** The PKCS#11 function, e.g. `C_Login`. */
  readonly method?: string;
  readonly tokenLabel?: string;
  /** Token flags read after the failure, for "tries left" hints. */
  readonly tokenFlags?: number;
}

interface Mapping {
  readonly code: ErrorCode;
  readonly retryable: boolean;
  readonly detail?: string;
}

// Token-info flags (PKCS#11 v2.40 §3.2), duplicated from the spec to keep this file pure.
const CKF_USER_PIN_COUNT_LOW = 0x10000;
const CKF_USER_PIN_FINAL_TRY = 0x20000;
const CKF_USER_PIN_LOCKED = 0x40000;

const TABLE: ReadonlyMap<number, Mapping> = new Map<number, Mapping>([
  [CKR.CKR_PIN_INCORRECT, { code: 'PIN_INCORRECT', retryable: true }],
  [CKR.CKR_PIN_LOCKED, { code: 'PIN_LOCKED', retryable: false }],
  [CKR.CKR_PIN_LEN_RANGE, { code: 'PIN_LEN_RANGE', retryable: true }],
  [CKR.CKR_PIN_INVALID, { code: 'PIN_LEN_RANGE', retryable: true, detail: 'Mã PIN chứa ký tự không được phép.' }],
  [CKR.CKR_PIN_EXPIRED, { code: 'PIN_EXPIRED', retryable: false }],
  [
    CKR.CKR_USER_PIN_NOT_INITIALIZED,
    { code: 'PIN_EXPIRED', retryable: false, detail: 'Token chưa được đặt mã PIN người dùng.' },
  ],
  [CKR.CKR_TOKEN_NOT_PRESENT, { code: 'TOKEN_ABSENT', retryable: true }],
  [
    CKR.CKR_TOKEN_NOT_RECOGNIZED,
    { code: 'TOKEN_ABSENT', retryable: true, detail: 'Trình điều khiển không nhận ra thiết bị.' },
  ],
  [CKR.CKR_SLOT_ID_INVALID, { code: 'TOKEN_ABSENT', retryable: true }],
  [CKR.CKR_DEVICE_REMOVED, { code: 'TOKEN_REMOVED', retryable: true }],
  [CKR.CKR_SESSION_HANDLE_INVALID, { code: 'TOKEN_REMOVED', retryable: true }],
  [CKR.CKR_SESSION_CLOSED, { code: 'TOKEN_REMOVED', retryable: true }],
  [CKR.CKR_KEY_HANDLE_INVALID, { code: 'KEY_NOT_FOUND', retryable: false }],
  [CKR.CKR_OBJECT_HANDLE_INVALID, { code: 'KEY_NOT_FOUND', retryable: false }],
  [CKR.CKR_MECHANISM_INVALID, { code: 'MECHANISM_UNSUPPORTED', retryable: false }],
  [CKR.CKR_MECHANISM_PARAM_INVALID, { code: 'MECHANISM_UNSUPPORTED', retryable: false }],
  [CKR.CKR_KEY_TYPE_INCONSISTENT, { code: 'MECHANISM_UNSUPPORTED', retryable: false }],
  [
    CKR.CKR_KEY_FUNCTION_NOT_PERMITTED,
    { code: 'CERT_KEY_USAGE', retryable: false, detail: 'Khóa trên token không cho phép ký.' },
  ],
  [CKR.CKR_CRYPTOKI_NOT_INITIALIZED, { code: 'MODULE_LOAD_FAILED', retryable: false }],
  [CKR.CKR_LIBRARY_LOAD_FAILED, { code: 'MODULE_LOAD_FAILED', retryable: false }],
  [
    CKR.CKR_FUNCTION_CANCELED,
    { code: 'TOKEN_GENERAL_ERROR', retryable: true, detail: 'Thao tác đã bị hủy trên thiết bị.' },
  ],
  [
    CKR.CKR_USER_NOT_LOGGED_IN,
    { code: 'TOKEN_GENERAL_ERROR', retryable: true, detail: 'Phiên đăng nhập token đã hết.' },
  ],
  // Some vendor drivers report a wrong PIN as a general error; the catalog text says so honestly.
  [CKR.CKR_GENERAL_ERROR, { code: 'TOKEN_GENERAL_ERROR', retryable: true }],
  [CKR.CKR_FUNCTION_FAILED, { code: 'TOKEN_GENERAL_ERROR', retryable: true }],
  [CKR.CKR_DEVICE_ERROR, { code: 'TOKEN_GENERAL_ERROR', retryable: true }],
  [CKR.CKR_DEVICE_MEMORY, { code: 'TOKEN_GENERAL_ERROR', retryable: false }],
  [CKR.CKR_HOST_MEMORY, { code: 'TOKEN_GENERAL_ERROR', retryable: true }],
]);

/** Tries left as far as the token tells: 'final' (one), 'low' (fewer than the maximum) or undefined. */
export function pinTriesHint(flags: number | undefined): 'locked' | 'final' | 'low' | undefined {
  if (flags === undefined) {
    return undefined;
  }
  if ((flags & CKF_USER_PIN_LOCKED) !== 0) {
    return 'locked';
  }
  if ((flags & CKF_USER_PIN_FINAL_TRY) !== 0) {
    return 'final';
  }
  return (flags & CKF_USER_PIN_COUNT_LOW) !== 0 ? 'low' : undefined;
}

function triesDetail(hint: ReturnType<typeof pinTriesHint>): string | undefined {
  switch (hint) {
    case 'final':
      return 'Chỉ còn 1 lần thử; nhập sai nữa token sẽ bị khóa.';
    case 'low':
      return 'Số lần thử còn lại đã ít.';
    default:
      return undefined;
  }
}

/**
 * Turn a PKCS#11 return value into the contract's error. `details` carries the CKR name and the
 * function for support staff; never the PIN or any argument of the call.
 */
export function mapCkr(code: number, context: Pkcs11ErrorContext = {}): VanthuError {
  const ckr = ckrName(code);
  let mapping = TABLE.get(code) ?? {
    code: 'TOKEN_GENERAL_ERROR' as const,
    retryable: false,
    detail: `Mã lỗi trình điều khiển: ${ckr}.`,
  };
  const hint = pinTriesHint(context.tokenFlags);
  if (mapping.code === 'PIN_INCORRECT' && hint === 'locked') {
    mapping = { code: 'PIN_LOCKED', retryable: false };
  }
  const detail = mapping.code === 'PIN_INCORRECT' ? triesDetail(hint) : mapping.detail;
  const details: Record<string, unknown> = { ckr };
  if (context.method !== undefined) {
    details['method'] = context.method;
  }
  if (context.tokenLabel !== undefined) {
    details['tokenLabel'] = context.tokenLabel;
  }
  if (hint !== undefined) {
    details['pinTries'] = hint;
  }
  return new VanthuError(mapping.code, errorMessageVi(mapping.code, detail), { retryable: mapping.retryable, details });
}

/** Errors thrown by pkcs11js: `Pkcs11Error` carries `code` (a CKR); others are load/native failures. */
export function toVanthuError(error: unknown, context: Pkcs11ErrorContext = {}): VanthuError {
  if (error instanceof VanthuError) {
    return error;
  }
  const code = (error as { code?: unknown } | null)?.code;
  const method = (error as { method?: unknown } | null)?.method;
  const withMethod = typeof method === 'string' && method !== '' ? { ...context, method } : context;
  if (typeof code === 'number') {
    return mapCkr(code, withMethod);
  }
  const message = error instanceof Error ? error.message : String(error);
  return new VanthuError('TOKEN_GENERAL_ERROR', errorMessageVi('TOKEN_GENERAL_ERROR'), {
    details: { native: message, ...(withMethod.method === undefined ? {} : { method: withMethod.method }) },
  });
}

/** A module that cannot be loaded: explain the usual Windows causes (bitness, missing DLL). */
export function moduleLoadError(path: string, error: unknown): VanthuError {
  const native = error instanceof Error ? error.message : String(error);
  let detail = 'Tệp trình điều khiển không tồn tại hoặc không phải thư viện PKCS#11.';
  if (/ELFCLASS32|ELFCLASS64|%1 is not a valid Win32|wrong architecture|193/i.test(native)) {
    detail = 'Trình điều khiển không cùng kiến trúc (32/64-bit) với ứng dụng.';
  } else if (/cannot open shared object|No such file|could not be found|126/i.test(native)) {
    detail = 'Không tìm thấy tệp trình điều khiển hoặc thư viện nó cần.';
  }
  return new VanthuError('MODULE_LOAD_FAILED', errorMessageVi('MODULE_LOAD_FAILED', detail), {
    details: { modulePath: path, native },
  });
}
