import { errorMessageVi } from '../../../preload/contract/error-messages.vi.ts';
import { VanthuError } from '../../../preload/contract/vanthu-error.ts';
import { CK } from '../../../native/pkcs11/constants.ts';
import { mapCkr } from '../../../native/pkcs11/errors.ts';
import { CKR } from '../../../native/pkcs11/ckr.ts';
import type { Handle, Pkcs11Module, TokenInfo } from '../../../native/pkcs11/module.ts';

/**
 * C_Login as the user. Checks the token's flags first so a locked token is reported without
 * spending a try, takes the PIN pad when the token has one, and after a wrong PIN re-reads the
 * flags to tell how many tries are left. The PIN is only passed to C_Login.
 */
export function loginUser(
  module: Pkcs11Module,
  session: Handle,
  slot: Handle,
  info: TokenInfo,
  pin: string | null,
): void {
  if ((info.flags & CK.CKF_USER_PIN_LOCKED) !== 0) {
    throw mapCkr(CKR.CKR_PIN_LOCKED, { method: 'C_Login', tokenLabel: info.label, tokenFlags: info.flags });
  }
  if ((info.flags & CK.CKF_USER_PIN_INITIALIZED) === 0) {
    throw mapCkr(CKR.CKR_USER_PIN_NOT_INITIALIZED, { method: 'C_Login', tokenLabel: info.label });
  }
  if ((info.flags & CK.CKF_LOGIN_REQUIRED) === 0) {
    return;
  }
  const pinPad = (info.flags & CK.CKF_PROTECTED_AUTHENTICATION_PATH) !== 0;
  if (!pinPad) {
    if (pin === null || pin === '') {
      throw new VanthuError('PIN_LEN_RANGE', errorMessageVi('PIN_LEN_RANGE', 'Chưa nhập mã PIN.'), { retryable: true });
    }
    // Checked here because some drivers count an out-of-range PIN as a wrong try.
    if (pin.length < info.minPinLen || pin.length > info.maxPinLen) {
      throw mapCkr(CKR.CKR_PIN_LEN_RANGE, { method: 'C_Login', tokenLabel: info.label });
    }
  }
  if (!pinPad && module.loggedIn(session)) {
    // Login is per application, so another open signer would let any PIN through ("already
    // logged in"). The PIN the user just typed must be checked: log out and in again. Both
    // calls run in one worker request, so nothing interleaves; a wrong PIN leaves the token
    // logged out, which is the safe outcome.
    module.logout(session);
  }
  try {
    module.login(session, pinPad ? null : pin, CK.CKU_USER, { tokenLabel: info.label });
  } catch (error) {
    if (error instanceof VanthuError && error.code === 'PIN_INCORRECT') {
      const flags = safeFlags(module, slot);
      throw mapCkr(CKR.CKR_PIN_INCORRECT, { method: 'C_Login', tokenLabel: info.label, tokenFlags: flags });
    }
    throw error;
  }
}

function safeFlags(module: Pkcs11Module, slot: Handle): number | undefined {
  try {
    return module.tokenInfo(slot).flags;
  } catch {
    return undefined;
  }
}
