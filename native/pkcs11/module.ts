import pkcs11js from 'pkcs11js';
import { CKR } from './ckr.ts';
import { CK } from './constants.ts';
import { moduleLoadError, toVanthuError, type Pkcs11ErrorContext } from './errors.ts';

/** A PKCS#11 handle (slot, session, object) as pkcs11js represents it. */
export type Handle = Buffer;
export type AttributeValue = number | boolean | string | Buffer | null;
export interface Attribute {
  readonly type: number;
  readonly value?: AttributeValue;
}

export interface TokenInfo {
  readonly label: string;
  readonly serial: string;
  readonly manufacturer: string;
  readonly model: string;
  readonly flags: number;
  readonly minPinLen: number;
  readonly maxPinLen: number;
}

export interface SlotInfo {
  readonly description: string;
  readonly manufacturer: string;
  readonly flags: number;
}

/** The typed facade over one loaded module. Every failure is a VanthuError. */
export interface Pkcs11Module {
  readonly path: string;
  readonly libraryDescription: string;
  slots(tokenPresent: boolean): Handle[];
  slotInfo(slot: Handle): SlotInfo;
  tokenInfo(slot: Handle): TokenInfo;
  mechanisms(slot: Handle): number[];
  openSession(slot: Handle): Handle;
  closeSession(session: Handle): void;
  /** C_CloseAllSessions: ends every session of this process on the slot, and with them the login. */
  closeAllSessions(slot: Handle): void;
  /** Whether the session is in a user (logged-in) state: CKS_RO_USER_FUNCTIONS or CKS_RW_USER_FUNCTIONS. */
  loggedIn(session: Handle): boolean;
  /** `pin` null logs in through the token's PIN pad. "Already logged in" counts as success. */
  login(session: Handle, pin: string | null, userType?: number, context?: Pkcs11ErrorContext): void;
  logout(session: Handle): void;
  findObjects(session: Handle, template: readonly Attribute[]): Handle[];
  /** Attribute values; an attribute the object lacks comes back as undefined, not as an error. */
  attribute(session: Handle, object: Handle, type: number): Buffer | undefined;
  /**
   * C_SignInit, then `afterInit` (where a context-specific login goes), then C_SignAsync, which
   * runs on a libuv worker so a slow token does not block the event loop. `maxLength` sizes the output.
   */
  sign(
    session: Handle,
    mechanism: number,
    key: Handle,
    data: Buffer,
    maxLength: number,
    afterInit?: () => void,
  ): Promise<Buffer>;
  /** C_WaitForSlotEvent with CKF_DONT_BLOCK; null when nothing happened; throws when unsupported. */
  pollSlotEvent(): Handle | null;
  finalize(): void;
}

const loaded = new Map<string, Pkcs11Module>();

function trim(text: string): string {
  return text.replace(/[\s\0]+$/, '');
}

function wrap(lib: pkcs11js.PKCS11, path: string): Pkcs11Module {
  const guard = <T>(method: string, run: () => T, context: Pkcs11ErrorContext = {}): T => {
    try {
      return run();
    } catch (error) {
      throw toVanthuError(error, { method, ...context });
    }
  };
  const info = guard('C_GetInfo', () => lib.C_GetInfo());
  const module: Pkcs11Module = {
    path,
    libraryDescription: trim(info.libraryDescription),
    slots: (tokenPresent) => guard('C_GetSlotList', () => lib.C_GetSlotList(tokenPresent)),
    slotInfo: (slot) =>
      guard('C_GetSlotInfo', () => {
        const s = lib.C_GetSlotInfo(slot);
        return { description: trim(s.slotDescription), manufacturer: trim(s.manufacturerID), flags: s.flags };
      }),
    tokenInfo: (slot) =>
      guard('C_GetTokenInfo', () => {
        const t = lib.C_GetTokenInfo(slot);
        return {
          label: trim(t.label),
          serial: trim(t.serialNumber),
          manufacturer: trim(t.manufacturerID),
          model: trim(t.model),
          flags: t.flags,
          minPinLen: t.minPinLen,
          maxPinLen: t.maxPinLen,
        };
      }),
    mechanisms: (slot) => guard('C_GetMechanismList', () => lib.C_GetMechanismList(slot)),
    openSession: (slot) => guard('C_OpenSession', () => lib.C_OpenSession(slot, CK.CKF_SERIAL_SESSION)),
    closeSession: (session) => guard('C_CloseSession', () => lib.C_CloseSession(session)),
    closeAllSessions: (slot) => guard('C_CloseAllSessions', () => lib.C_CloseAllSessions(slot)),
    loggedIn: (session) =>
      guard('C_GetSessionInfo', () => {
        const state = lib.C_GetSessionInfo(session).state;
        // CKS_RO_USER_FUNCTIONS (1) or CKS_RW_USER_FUNCTIONS (3); pkcs11js does not export them.
        return state === 1 || state === 3;
      }),
    login(session, pin, userType = CK.CKU_USER, context = {}) {
      try {
        if (pin === null) {
          lib.C_Login(session, userType);
        } else {
          lib.C_Login(session, userType, pin);
        }
      } catch (error) {
        if ((error as { code?: unknown }).code === CKR.CKR_USER_ALREADY_LOGGED_IN) {
          return;
        }
        // The PIN never reaches the error: only the CKR code and the call's name are kept.
        throw toVanthuError(error, { method: 'C_Login', ...context });
      }
    },
    logout: (session) => guard('C_Logout', () => lib.C_Logout(session)),
    findObjects: (session, template) =>
      guard('C_FindObjects', () => {
        lib.C_FindObjectsInit(session, template as pkcs11js.Template);
        try {
          const found: Handle[] = [];
          for (;;) {
            const batch = lib.C_FindObjects(session, 32);
            found.push(...batch);
            if (batch.length < 32) {
              return found;
            }
          }
        } finally {
          lib.C_FindObjectsFinal(session);
        }
      }),
    attribute(session, object, type) {
      try {
        const [attr] = lib.C_GetAttributeValue(session, object, [{ type }]);
        const value = attr?.value;
        return Buffer.isBuffer(value) ? value : undefined;
      } catch (error) {
        const code = (error as { code?: unknown }).code;
        if (code === CKR.CKR_ATTRIBUTE_TYPE_INVALID || code === 0x11 /* CKR_ATTRIBUTE_SENSITIVE */) {
          return undefined;
        }
        throw toVanthuError(error, { method: 'C_GetAttributeValue' });
      }
    },
    async sign(session, mechanism, key, data, maxLength, afterInit) {
      guard('C_SignInit', () => lib.C_SignInit(session, { mechanism }, key));
      afterInit?.();
      try {
        return await lib.C_SignAsync(session, data, Buffer.alloc(maxLength));
      } catch (error) {
        throw toVanthuError(error, { method: 'C_Sign' });
      }
    },
    pollSlotEvent: () => guard('C_WaitForSlotEvent', () => lib.C_WaitForSlotEvent(CK.CKF_DONT_BLOCK)),
    finalize() {
      loaded.delete(path);
      try {
        lib.C_Finalize();
      } catch {
        // finalizing at exit: nothing useful to do with a failure
      }
      try {
        lib.close();
      } catch {
        // same
      }
    },
  };
  return module;
}

let exitHookInstalled = false;

/**
 * Load a module once per path per process and C_Initialize it (with OS locking, because
 * C_SignAsync runs on a libuv worker thread). Finalized when the process exits.
 */
export function loadModule(path: string): Pkcs11Module {
  const existing = loaded.get(path);
  if (existing !== undefined) {
    return existing;
  }
  const lib = new pkcs11js.PKCS11();
  try {
    lib.load(path);
  } catch (error) {
    throw moduleLoadError(path, error);
  }
  try {
    lib.C_Initialize({ flags: CK.CKF_OS_LOCKING_OK });
  } catch (error) {
    if ((error as { code?: unknown }).code !== CKR.CKR_CRYPTOKI_ALREADY_INITIALIZED) {
      throw moduleLoadError(path, error);
    }
  }
  const module = wrap(lib, path);
  loaded.set(path, module);
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.once('exit', () => {
      for (const m of [...loaded.values()]) {
        m.finalize();
      }
    });
  }
  return module;
}
