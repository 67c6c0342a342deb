import { errorMessageVi } from '../../../preload/contract/error-messages.vi.ts';
import { isVanthuError, VanthuError } from '../../../preload/contract/vanthu-error.ts';
import { moduleWorker, type ModuleWorker } from './module-worker.ts';
import type { Logger } from '../log/logger.ts';
import type { Signer } from '../pdf/signer.ts';
import type { TokenSelector } from './find-token.ts';

export interface OpenTokenSignerOptions {
  readonly modulePath: string;
  readonly token: TokenSelector;
  readonly keyIdHex: string;
  /** Null for PIN-pad tokens (protected authentication path). Sent to the worker once, then dropped. */
  readonly pin: string | null;
  /**
   * 'raw-pkcs1' forces CKM_RSA_PKCS over a DigestInfo even when the token lists CKM_SHA256_RSA_PKCS:
   * some drivers list the combined mechanism and then fail it.
   */
  readonly rsaMechanism?: 'auto' | 'raw-pkcs1';
  /** Opening, failures and signatures are logged by token label and key id, never with the PIN. */
  readonly log?: Logger;
  /** The module's worker thread; the shared one for `modulePath` unless given (tests). */
  readonly worker?: ModuleWorker;
}

export interface TokenSignerHandle {
  readonly signer: Signer;
  close(): Promise<void>;
}

function sessionGone(): VanthuError {
  return new VanthuError(
    'TOKEN_REMOVED',
    errorMessageVi('TOKEN_REMOVED', 'Phiên ký đã đóng: cắm lại và nhập lại PIN.'),
    { retryable: true },
  );
}

/**
 * Log in to a token and return a `Signer` for one key on it. Every PKCS#11 call (login, object
 * search, signing) runs in the module's worker thread, one at a time per module, so neither a
 * PIN pad nor a slow token blocks the event loop. The PIN crosses to the worker in the `open`
 * request only; this side keeps no reference to it.
 */
export async function openTokenSigner(options: OpenTokenSignerOptions): Promise<TokenSignerHandle> {
  const where = { modulePath: options.modulePath, tokenLabel: options.token.label, keyIdHex: options.keyIdHex };
  const worker = options.worker ?? moduleWorker(options.modulePath);
  try {
    const opened = await worker.call('open', {
      token: {
        ...(options.token.label === undefined ? {} : { label: options.token.label }),
        ...(options.token.serial === undefined ? {} : { serial: options.token.serial }),
      },
      keyIdHex: options.keyIdHex,
      pin: options.pin,
      rsaMechanism: options.rsaMechanism ?? 'auto',
    });
    // A replaced (hung or crashed) thread took this signer's session with it.
    const generation = worker.generation;
    let open = true;
    const alive = (): boolean => open && worker.generation === generation;
    const signer: Signer = {
      certificate: opened.certificate,
      chain: opened.chain,
      algorithm: opened.algorithm,
      sign: async (data) => {
        if (!alive()) {
          throw sessionGone();
        }
        // An exact copy: a small Buffer is a view into Node's 64 KiB pool, and posting a view
        // clones its whole backing store (0.6 ms a signature, measured in the ui-batch bench).
        const exact = new Uint8Array(data);
        return worker.call('sign', { signerId: opened.signerId, data: exact }, opened.pinPadOnSign);
      },
    };
    options.log?.info('tokens.signer_opened', { ...where, algorithm: signer.algorithm });
    return {
      signer,
      close: async () => {
        const wasAlive = alive();
        open = false;
        if (wasAlive) {
          try {
            await worker.call('close', { signerId: opened.signerId });
          } catch {
            // the token or the thread may already be gone; closing must still succeed
          }
        }
      },
    };
  } catch (error) {
    // Only the error's code, message and details are logged (redact() flattens errors); none hold the PIN.
    const fields = isVanthuError(error) ? { code: error.code, details: error.details } : { error };
    options.log?.warn('tokens.signer_open_failed', { ...where, ...fields });
    throw error;
  }
}
