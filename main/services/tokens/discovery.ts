import { isVanthuError } from '../../../preload/contract/vanthu-error.ts';
import type { TokenSummary } from '../../../preload/contract/tokens.ts';
import { CK } from '../../../native/pkcs11/constants.ts';
import type { Handle, Pkcs11Module, TokenInfo } from '../../../native/pkcs11/module.ts';
import { certificateInfo } from './certificate-info.ts';
import { listCertificates } from './token-objects.ts';

export function tokenFlags(flags: number): TokenSummary['flags'] {
  const has = (bit: number): boolean => (flags & bit) !== 0;
  return {
    loginRequired: has(CK.CKF_LOGIN_REQUIRED),
    userPinInitialized: has(CK.CKF_USER_PIN_INITIALIZED),
    userPinCountLow: has(CK.CKF_USER_PIN_COUNT_LOW),
    userPinFinalTry: has(CK.CKF_USER_PIN_FINAL_TRY),
    userPinLocked: has(CK.CKF_USER_PIN_LOCKED),
    userPinToBeChanged: has(CK.CKF_USER_PIN_TO_BE_CHANGED),
    protectedAuthenticationPath: has(CK.CKF_PROTECTED_AUTHENTICATION_PATH),
  };
}

/** Key objects visible without login, by CKA_ID: public keys usually, private ones on some tokens. */
function visibleKeyIds(module: Pkcs11Module, session: Handle): Set<string> {
  const ids = new Set<string>();
  for (const handle of module.findObjects(session, [{ type: CK.CKA_CLASS, value: CK.CKO_PUBLIC_KEY }])) {
    ids.add(module.attribute(session, handle, CK.CKA_ID)?.toString('hex') ?? '');
  }
  for (const handle of module.findObjects(session, [{ type: CK.CKA_CLASS, value: CK.CKO_PRIVATE_KEY }])) {
    ids.add(module.attribute(session, handle, CK.CKA_ID)?.toString('hex') ?? '');
  }
  return ids;
}

/** One token: its info, flags and certificates (read without a PIN: certificates are public objects). */
export function describeToken(
  module: Pkcs11Module,
  slot: Handle,
  info: TokenInfo = module.tokenInfo(slot),
): TokenSummary {
  const session = module.openSession(slot);
  try {
    const keyIds = visibleKeyIds(module, session);
    const certificates = listCertificates(module, session)
      .sort((a, b) => a.id.localeCompare(b.id))
      .flatMap((c) => {
        try {
          return [certificateInfo(c.der, c.id, keyIds.has(c.id))];
        } catch {
          // One malformed certificate object (seen on re-used tokens) must not hide the others.
          return [];
        }
      });
    return {
      modulePath: module.path,
      slotDescription: module.slotInfo(slot).description,
      label: info.label,
      serial: info.serial,
      manufacturer: info.manufacturer,
      model: info.model,
      flags: tokenFlags(info.flags),
      minPinLen: info.minPinLen,
      maxPinLen: info.maxPinLen,
      certificates,
    };
  } finally {
    module.closeSession(session);
  }
}

/** Every initialised token present on a module's slots. */
export function listModuleTokens(module: Pkcs11Module): TokenSummary[] {
  const tokens: TokenSummary[] = [];
  for (const slot of module.slots(true)) {
    const info = module.tokenInfo(slot);
    // SoftHSM and some drivers expose an empty, uninitialised slot for creating new tokens.
    if ((info.flags & CK.CKF_TOKEN_INITIALIZED) === 0) {
      continue;
    }
    try {
      tokens.push(describeToken(module, slot, info));
    } catch (error) {
      // A token pulled out while being read is simply not there any more; other errors count.
      if (!(isVanthuError(error) && (error.code === 'TOKEN_REMOVED' || error.code === 'TOKEN_ABSENT'))) {
        throw error;
      }
    }
  }
  return tokens;
}
