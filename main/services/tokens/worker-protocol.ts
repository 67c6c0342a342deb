import type { AppError } from '../../../preload/contract/index.ts';
import type { PreflightRequest, PreflightResult, SignerRole, TokenSummary } from '../../../preload/contract/tokens.ts';

/**
 * The messages between the main thread and a module's PKCS#11 worker thread. Every PKCS#11 call
 * for one module runs in its worker, one at a time, so a blocking C_Login (PIN pad) or a slow
 * C_Sign never stalls the event loop. Values are structured-cloned: no handles cross, only ids.
 */
export interface TokenSelectorMessage {
  readonly label?: string;
  readonly serial?: string;
}

export interface TokenRefMessage {
  readonly modulePath: string;
  readonly label: string;
  readonly serial: string;
}

export interface OpenedSigner {
  /** The worker's id for this signing session; the main thread never sees a PKCS#11 handle. */
  readonly signerId: number;
  readonly certificate: Uint8Array;
  readonly chain: Uint8Array[];
  readonly algorithm: 'rsa-pkcs1-sha256' | 'ecdsa-sha256';
  readonly tokenLabel: string;
  readonly tokenSerial: string;
  /** A CKA_ALWAYS_AUTHENTICATE key on a PIN-pad token: each signature waits for the PIN on the pad. */
  readonly pinPadOnSign: boolean;
}

/** Operation name → argument and result. */
export interface WorkerOps {
  /** Find the token, log in, find key and certificate. The only message that carries a PIN. */
  readonly open: {
    args: {
      token: TokenSelectorMessage;
      keyIdHex: string;
      pin: string | null;
      rsaMechanism: 'auto' | 'raw-pkcs1';
    };
    result: OpenedSigner;
  };
  readonly sign: { args: { signerId: number; data: Uint8Array }; result: Uint8Array };
  readonly close: { args: { signerId: number }; result: null };
  /** C_CloseAllSessions on a token: every signer on it must log in again. */
  readonly endLogin: { args: { serial: string }; result: null };
  /** The library's description and its tokens, in one request so nothing queues in between. */
  readonly list: { args: Record<string, never>; result: { libraryDescription: string; tokens: TokenSummary[] } };
  readonly preflight: {
    args: { request: PreflightRequest; roleOverrides: Readonly<Record<string, SignerRole>> };
    result: PreflightResult;
  };
  readonly snapshot: { args: Record<string, never>; result: TokenRefMessage[] };
}

export type WorkerOpName = keyof WorkerOps;

export interface WorkerRequest<K extends WorkerOpName = WorkerOpName> {
  readonly id: number;
  readonly op: K;
  readonly args: WorkerOps[K]['args'];
}

export type WorkerResponse =
  | { readonly id: number; readonly ok: true; readonly value: unknown }
  | { readonly id: number; readonly ok: false; readonly error: AppError };

/**
 * Test hooks, honoured only when given to `createModuleWorker` (never by the app): block the
 * worker thread at a stage as a PIN pad or a hung driver would, or crash the worker there.
 */
export interface WorkerTestHook {
  readonly stage: 'login' | 'sign';
  readonly action: 'block' | 'crash';
  /** How long 'block' holds the thread. */
  readonly ms?: number;
}

export interface WorkerData {
  readonly modulePath: string;
  readonly hooks: readonly WorkerTestHook[];
}
