import { createHash } from 'node:crypto';
import { errorMessageVi } from '../../../preload/contract/error-messages.vi.ts';
import { isVanthuError, VanthuError } from '../../../preload/contract/vanthu-error.ts';
import { CK } from '../../../native/pkcs11/constants.ts';
import type { Handle, Pkcs11Module } from '../../../native/pkcs11/module.ts';
import type { OpenedSigner, WorkerOps } from './worker-protocol.ts';
import { ecdsaRawToDer, sha256DigestInfo } from './der.ts';
import { findToken, keyIdBytes } from './find-token.ts';
import { loginUser } from './login.ts';
import { findPrivateKey, issuerChain, listCertificates, type KeyObject } from './token-objects.ts';

type Plan = { mechanism: number; prepare: (data: Uint8Array) => Buffer; finish: (out: Buffer) => Uint8Array };

/** One signer's state inside the module worker. Handles never leave the worker. */
interface Session {
  slot: Handle;
  session: Handle;
  key: KeyObject;
  readonly keyId: Buffer;
  readonly serial: string;
  readonly label: string;
  readonly plan: Plan;
  /** Kept only for CKA_ALWAYS_AUTHENTICATE keys (a context-specific login per C_Sign); null otherwise. */
  contextPin: string | null;
}

// Return values after which the session is gone but the token may be back (re-plugged).
const STALE = new Set([
  'CKR_SESSION_HANDLE_INVALID',
  'CKR_SESSION_CLOSED',
  'CKR_DEVICE_REMOVED',
  'CKR_TOKEN_NOT_PRESENT',
]);

function isStale(error: unknown): boolean {
  return isVanthuError(error) && STALE.has(String(error.details?.['ckr']));
}

/** Every later PKCS#11 call needs a fresh login: the message says so (TOKEN_REMOVED). */
function needsNewLogin(label: string): VanthuError {
  return new VanthuError(
    'TOKEN_REMOVED',
    errorMessageVi('TOKEN_REMOVED', `Phiên đăng nhập token "${label}" đã mất: cắm lại và nhập lại PIN.`),
    { retryable: true, details: { tokenLabel: label, reason: 'login-lost' } },
  );
}

export interface SignerSessions {
  open(args: WorkerOps['open']['args'], beforeLogin?: () => void): OpenedSigner;
  sign(signerId: number, data: Uint8Array, beforeSign?: () => void): Promise<Uint8Array>;
  close(signerId: number): void;
  endLogin(serial: string): void;
}

/**
 * The signing sessions of one module, run inside its worker thread. A session that went stale
 * (token pulled and plugged back, sessions closed) is re-established once: the token is found again
 * by serial, never by slot index, and a new session opened; if the login did not survive, the
 * caller is told to plug in and enter the PIN again.
 */
export function createSignerSessions(module: Pkcs11Module): SignerSessions {
  const sessions = new Map<number, Session>();
  let nextId = 1;

  const reestablish = (s: Session): void => {
    try {
      module.closeSession(s.session);
    } catch {
      // already gone: that is why we are here
    }
    let found;
    try {
      found = findToken(module, { serial: s.serial });
    } catch (error) {
      if (isVanthuError(error) && error.code === 'TOKEN_ABSENT') {
        throw needsNewLogin(s.label);
      }
      throw error;
    }
    const session = module.openSession(found.slot);
    try {
      if ((found.info.flags & CK.CKF_LOGIN_REQUIRED) !== 0 && !module.loggedIn(session)) {
        throw needsNewLogin(s.label);
      }
      s.key = findPrivateKey(module, session, s.keyId);
    } catch (error) {
      module.closeSession(session);
      throw error;
    }
    s.slot = found.slot;
    s.session = session;
  };

  const signOnce = async (s: Session, data: Uint8Array): Promise<Uint8Array> => {
    const input = s.plan.prepare(data);
    // C_SignInit must precede the context-specific login, so both happen inside sign().
    const out = await module.sign(s.session, s.plan.mechanism, s.key.handle, input, s.key.signatureLength, () => {
      if (s.key.alwaysAuthenticate) {
        module.login(s.session, s.contextPin, CK.CKU_CONTEXT_SPECIFIC, { tokenLabel: s.label });
      }
    });
    return s.plan.finish(out);
  };

  return {
    open(args, beforeLogin) {
      const { slot, info } = findToken(module, args.token);
      const keyId = keyIdBytes(args.keyIdHex);
      const session = module.openSession(slot);
      try {
        beforeLogin?.();
        loginUser(module, session, slot, info, args.pin);
        const key = findPrivateKey(module, session, keyId);
        const certificates = listCertificates(module, session);
        const own = certificates.find((c) => c.id === keyId.toString('hex'));
        if (own === undefined) {
          throw new VanthuError(
            'KEY_NOT_FOUND',
            errorMessageVi('KEY_NOT_FOUND', 'Token không có chứng thư số đi kèm khóa này.'),
            { details: { keyIdHex: args.keyIdHex } },
          );
        }
        const chain = issuerChain(
          own.der,
          certificates.filter((c) => c !== own).map((c) => c.der),
        );
        const plan = planFor(key.keyType, new Set(module.mechanisms(slot)), args.rsaMechanism);
        const signerId = nextId++;
        sessions.set(signerId, {
          slot,
          session,
          key,
          keyId,
          serial: info.serial,
          label: info.label,
          plan,
          contextPin: key.alwaysAuthenticate ? args.pin : null,
        });
        return {
          signerId,
          certificate: own.der,
          chain,
          algorithm: key.keyType === 'rsa' ? 'rsa-pkcs1-sha256' : 'ecdsa-sha256',
          tokenLabel: info.label,
          tokenSerial: info.serial,
          pinPadOnSign: key.alwaysAuthenticate && (info.flags & CK.CKF_PROTECTED_AUTHENTICATION_PATH) !== 0,
        };
      } catch (error) {
        try {
          module.closeSession(session);
        } catch {
          // keep the original error
        }
        throw error;
      }
    },
    async sign(signerId, data, beforeSign) {
      const s = sessions.get(signerId);
      if (s === undefined) {
        throw new VanthuError('TOKEN_REMOVED', errorMessageVi('TOKEN_REMOVED', 'Phiên ký đã đóng.'));
      }
      beforeSign?.();
      try {
        return await signOnce(s, data);
      } catch (error) {
        if (!isStale(error)) {
          throw error;
        }
        try {
          reestablish(s);
        } catch (failure) {
          // The session cannot be used again; the caller opens a new signer after the PIN.
          sessions.delete(signerId);
          s.contextPin = null;
          throw failure;
        }
        return await signOnce(s, data);
      }
    },
    close(signerId) {
      const s = sessions.get(signerId);
      if (s === undefined) {
        return;
      }
      sessions.delete(signerId);
      s.contextPin = null;
      // No C_Logout: login is per application, so it would log out other signers on this
      // token too. Closing the last session ends the login (PKCS#11 §5.6).
      try {
        module.closeSession(s.session);
      } catch {
        // the token may already be gone; closing must still succeed
      }
    },
    endLogin(serial) {
      const { slot } = findToken(module, { serial });
      module.closeAllSessions(slot);
    },
  };
}

function sha256(data: Uint8Array): Buffer {
  return createHash('sha256').update(data).digest();
}

function planFor(keyType: 'rsa' | 'ec', mechanisms: ReadonlySet<number>, rsa: 'auto' | 'raw-pkcs1'): Plan {
  if (keyType === 'rsa') {
    if (rsa === 'auto' && mechanisms.has(CK.CKM_SHA256_RSA_PKCS)) {
      return { mechanism: CK.CKM_SHA256_RSA_PKCS, prepare: (d) => Buffer.from(d), finish: (o) => new Uint8Array(o) };
    }
    if (mechanisms.has(CK.CKM_RSA_PKCS)) {
      // CKM_RSA_PKCS over a SHA-256 DigestInfo: for tokens without the combined mechanism.
      return {
        mechanism: CK.CKM_RSA_PKCS,
        prepare: (d) => Buffer.from(sha256DigestInfo(sha256(d))),
        finish: (o) => new Uint8Array(o),
      };
    }
  } else if (mechanisms.has(CK.CKM_ECDSA)) {
    return { mechanism: CK.CKM_ECDSA, prepare: sha256, finish: (o) => ecdsaRawToDer(o) };
  }
  throw new VanthuError('MECHANISM_UNSUPPORTED', errorMessageVi('MECHANISM_UNSUPPORTED'), {
    details: { keyType, mechanisms: [...mechanisms].length },
  });
}
