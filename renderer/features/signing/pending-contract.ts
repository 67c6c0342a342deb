import type { SignerRole } from '../../../preload/contract/tokens.ts';

/*
 * PENDING CONTRACT: signing has a CLI (`vanthu sign`) but no IPC channel yet. This is the request
 * the Ký duyệt screen sends; the host answers IPC_UNKNOWN_CHANNEL until the channel lands, and the
 * screen then says "chưa có dịch vụ". Replace with the contract's types when it exists.
 */
export const SIGN_CHANNEL = 'documents.sign';

export interface SignRequest {
  readonly path: string;
  readonly outPath: string;
  readonly role: SignerRole;
  readonly modulePath: string;
  readonly token: { readonly label?: string; readonly serial?: string };
  readonly keyIdHex: string;
  /** Carried once to the host for C_Login and dropped; never stored or logged. */
  readonly pin: string;
  /** A box the user dragged (PDF user space), or the layout module's choice. */
  readonly placement: { readonly pageIndex: number; readonly rect: Rect } | 'auto';
}

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface SignResult {
  readonly path: string;
  readonly sha256: string;
}
