/**
 * PKCS#11 return values we explain to users, by number (PKCS#11 v2.40 §3.6). Kept as plain
 * numbers so the error mapping stays pure and testable without loading the native addon.
 */
export const CKR = {
  CKR_OK: 0x0,
  CKR_HOST_MEMORY: 0x2,
  CKR_SLOT_ID_INVALID: 0x3,
  CKR_GENERAL_ERROR: 0x5,
  CKR_FUNCTION_FAILED: 0x6,
  CKR_ATTRIBUTE_TYPE_INVALID: 0x12,
  CKR_DEVICE_ERROR: 0x30,
  CKR_DEVICE_MEMORY: 0x31,
  CKR_DEVICE_REMOVED: 0x32,
  CKR_FUNCTION_CANCELED: 0x50,
  CKR_KEY_HANDLE_INVALID: 0x60,
  CKR_KEY_TYPE_INCONSISTENT: 0x63,
  CKR_KEY_FUNCTION_NOT_PERMITTED: 0x68,
  CKR_MECHANISM_INVALID: 0x70,
  CKR_MECHANISM_PARAM_INVALID: 0x71,
  CKR_OBJECT_HANDLE_INVALID: 0x82,
  CKR_PIN_INCORRECT: 0xa0,
  CKR_PIN_INVALID: 0xa1,
  CKR_PIN_LEN_RANGE: 0xa2,
  CKR_PIN_EXPIRED: 0xa3,
  CKR_PIN_LOCKED: 0xa4,
  CKR_SESSION_CLOSED: 0xb0,
  CKR_SESSION_HANDLE_INVALID: 0xb3,
  CKR_TOKEN_NOT_PRESENT: 0xe0,
  CKR_TOKEN_NOT_RECOGNIZED: 0xe1,
  CKR_USER_ALREADY_LOGGED_IN: 0x100,
  CKR_USER_NOT_LOGGED_IN: 0x101,
  CKR_USER_PIN_NOT_INITIALIZED: 0x102,
  CKR_CRYPTOKI_NOT_INITIALIZED: 0x190,
  CKR_CRYPTOKI_ALREADY_INITIALIZED: 0x191,
  CKR_LIBRARY_LOAD_FAILED: 0x1c2,
  CKR_PIN_TOO_WEAK: 0x1c3,
} as const;

export type CkrName = keyof typeof CKR;

const NAMES = new Map<number, CkrName>(Object.entries(CKR).map(([name, value]) => [value, name as CkrName]));

/** The symbolic name of a return value, or `CKR_0x…` for values outside our table. */
export function ckrName(code: number): string {
  return NAMES.get(code) ?? `CKR_0x${code.toString(16).toUpperCase()}`;
}
