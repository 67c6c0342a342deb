import type { SignerRole } from '../../../preload/contract/tokens.ts';

/*
 * PENDING CONTRACT: the signing engineer is adding `preload/contract/signing.ts` (signing.sign,
 * signing.seal, signing.number …) but it is not in channels.ts yet. These are the requests the
 * screens send, shaped like that file; until the channels land the host answers
 * IPC_UNKNOWN_CHANNEL and the screens say "chưa có dịch vụ". Then import its types and use `call`.
 */
export const SIGN_CHANNEL = 'signing.sign';
export const SEAL_CHANNEL = 'signing.seal';
export const NUMBER_CHANNEL = 'signing.number';

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface SignRequest {
  readonly path: string;
  readonly outPath: string;
  readonly modulePath: string;
  readonly token: { readonly label?: string; readonly serial?: string };
  readonly keyIdHex: string;
  /** Carried once to the host for C_Login and dropped there; never stored or logged. */
  readonly pin: string;
  /** Only for signing.sign (the seal is always the organization's). */
  readonly role?: SignerRole;
  /** A box the user dragged (PDF user space), or the layout module's choice. */
  readonly placement: { readonly pageIndex: number; readonly rect: Rect } | 'auto';
}

export interface SignResult {
  readonly path: string;
  readonly sha256: string;
}

export interface NumberRequest {
  readonly path: string;
  readonly outPath: string;
  readonly soKyHieu: string;
  readonly ngayBanHanh: string;
}
