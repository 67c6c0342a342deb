import { createHash } from 'node:crypto';
import { errorMessageVi, isVanthuError, VanthuError } from '../../../preload/contract/index.ts';
import { CK } from '../../../native/pkcs11/constants.ts';
import { loadModule } from '../../../native/pkcs11/module.ts';
import type { Logger } from '../log/logger.ts';
import type { SignatureAlgorithm, Signer } from '../pdf/signer.ts';
import { ecdsaRawToDer, sha256DigestInfo } from './der.ts';
import { findToken, keyIdBytes, type TokenSelector } from './find-token.ts';
import { loginUser } from './login.ts';
import { findPrivateKey, issuerChain, listCertificates } from './token-objects.ts';
import { runExclusive } from './token-queue.ts';

export interface OpenTokenSignerOptions {
  readonly modulePath: string;
  readonly token: TokenSelector;
  readonly keyIdHex: string;
  /** Null for PIN-pad tokens (protected authentication path). Dropped after login. */
  readonly pin: string | null;
  /**
   * 'raw-pkcs1' forces CKM_RSA_PKCS over a DigestInfo even when the token lists CKM_SHA256_RSA_PKCS:
   * some drivers list the combined mechanism and then fail it.
   */
  readonly rsaMechanism?: 'auto' | 'raw-pkcs1';
  /** Opening, failures and signatures are logged by token label and key id, never with the PIN. */
  readonly log?: Logger;
}

export interface TokenSignerHandle {
  readonly signer: Signer;
  close(): Promise<void>;
}

type Plan = { mechanism: number; prepare: (data: Uint8Array) => Buffer; finish: (out: Buffer) => Uint8Array };

/**
 * Log in to a token and return a `Signer` for one key on it. RSA prefers CKM_SHA256_RSA_PKCS and
 * falls back to CKM_RSA_PKCS over a DigestInfo; EC signs the SHA-256 digest with CKM_ECDSA.
 * Signing runs through C_SignAsync, one PKCS#11 operation at a time per module (see token-queue.ts).
 */
export async function openTokenSigner(options: OpenTokenSignerOptions): Promise<TokenSignerHandle> {
  const where = { modulePath: options.modulePath, tokenLabel: options.token.label, keyIdHex: options.keyIdHex };
  try {
    // Opening (login, object search) queues behind any signature in flight on this module.
    const handle = await runExclusive(options.modulePath, () => openSigner(options));
    options.log?.info('tokens.signer_opened', { ...where, algorithm: handle.signer.algorithm });
    return handle;
  } catch (error) {
    // Only the error's code, message and details are logged (redact() flattens errors); none hold the PIN.
    const fields = isVanthuError(error) ? { code: error.code, details: error.details } : { error };
    options.log?.warn('tokens.signer_open_failed', { ...where, ...fields });
    throw error;
  }
}

async function openSigner(options: OpenTokenSignerOptions): Promise<TokenSignerHandle> {
  const module = loadModule(options.modulePath);
  const { slot, info } = findToken(module, options.token);
  const keyId = keyIdBytes(options.keyIdHex);
  const session = module.openSession(slot);
  let sessionOpen = true;
  try {
    loginUser(module, session, slot, info, options.pin);
    const key = findPrivateKey(module, session, keyId);
    const certificates = listCertificates(module, session);
    const own = certificates.find((c) => c.id === keyId.toString('hex'));
    if (own === undefined) {
      throw new VanthuError(
        'KEY_NOT_FOUND',
        errorMessageVi('KEY_NOT_FOUND', 'Token không có chứng thư số đi kèm khóa này.'),
        {
          details: { keyIdHex: options.keyIdHex },
        },
      );
    }
    const chain = issuerChain(
      own.der,
      certificates.filter((c) => c !== own).map((c) => c.der),
    );
    const mechanisms = new Set(module.mechanisms(slot));
    const plan = planFor(key.keyType, mechanisms, options.rsaMechanism ?? 'auto');
    // CKA_ALWAYS_AUTHENTICATE keys need the PIN again for each C_Sign (context-specific login):
    // only then is it kept, in this closure, until close().
    let contextPin = key.alwaysAuthenticate ? options.pin : null;
    const algorithm: SignatureAlgorithm = key.keyType === 'rsa' ? 'rsa-pkcs1-sha256' : 'ecdsa-sha256';

    const signer: Signer = {
      certificate: own.der,
      chain,
      algorithm,
      sign: (data) =>
        runExclusive(options.modulePath, async () => {
          if (!sessionOpen) {
            throw new VanthuError('TOKEN_REMOVED', errorMessageVi('TOKEN_REMOVED', 'Phiên ký đã đóng.'));
          }
          const input = plan.prepare(data);
          // C_SignInit must precede the context-specific login, so both happen inside sign().
          const out = await module.sign(session, plan.mechanism, key.handle, input, key.signatureLength, () => {
            if (key.alwaysAuthenticate) {
              module.login(session, contextPin, CK.CKU_CONTEXT_SPECIFIC, { tokenLabel: info.label });
            }
          });
          return plan.finish(out);
        }),
    };
    return {
      signer,
      close: () =>
        runExclusive(options.modulePath, async () => {
          if (!sessionOpen) {
            return;
          }
          sessionOpen = false;
          contextPin = null;
          // No C_Logout: login is per application, so it would log out other signers on this
          // token too. Closing the last session ends the login (PKCS#11 §5.6).
          try {
            module.closeSession(session);
          } catch {
            // the token may already be gone; closing must still succeed
          }
        }),
    };
  } catch (error) {
    sessionOpen = false;
    try {
      module.closeSession(session);
    } catch {
      // keep the original error
    }
    throw error;
  }
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
      return forcedRsaPkcs();
    }
  } else if (mechanisms.has(CK.CKM_ECDSA)) {
    return { mechanism: CK.CKM_ECDSA, prepare: sha256, finish: (o) => ecdsaRawToDer(o) };
  }
  throw new VanthuError('MECHANISM_UNSUPPORTED', errorMessageVi('MECHANISM_UNSUPPORTED'), {
    details: { keyType, mechanisms: [...mechanisms].length },
  });
}

/** CKM_RSA_PKCS over a SHA-256 DigestInfo: for tokens without the combined mechanism. */
function forcedRsaPkcs(): Plan {
  return {
    mechanism: CK.CKM_RSA_PKCS,
    prepare: (d) => Buffer.from(sha256DigestInfo(sha256(d))),
    finish: (o) => new Uint8Array(o),
  };
}
