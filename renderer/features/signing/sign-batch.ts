import type { AppError } from '../../../preload/contract/index.ts';
import type { SignerRole } from '../../../preload/contract/tokens.ts';
import { call, callPending } from '../../app/ipc/call.ts';
import type { ScreenPlacement } from './PlacementPreview.tsx';
import { SEAL_CHANNEL, SIGN_CHANNEL, type SignRequest, type SignResult } from './pending-contract.ts';
import type { SignerChoice } from './signer-choice.ts';

export interface BatchItem {
  readonly id: string;
  readonly path: string;
  /** The box the user moved on the preview; null lets the layout module place it. */
  readonly placement: ScreenPlacement | null;
  readonly view: readonly [number, number, number, number] | null;
  readonly rotation: 0 | 90 | 180 | 270;
}

export type BatchOutcome =
  { ok: true; signed: number } | { ok: false; signed: number; error: AppError; failedId: string };

/** Where the signed copy goes: beside the input, never over it (the input stays as it was). */
export function signedPathOf(path: string, suffix: string): string {
  return /\.pdf$/i.test(path) ? path.replace(/\.pdf$/i, `.${suffix}.pdf`) : `${path}.${suffix}.pdf`;
}

async function placementOf(item: BatchItem, role: SignerRole): Promise<SignRequest['placement'] | AppError> {
  if (item.placement === null || item.view === null) {
    return 'auto';
  }
  const converted = await call('layout.override', {
    role,
    pageIndex: item.placement.pageIndex,
    view: [...item.view],
    rotation: item.rotation,
    screenRect: item.placement.screenRect,
  });
  return converted.ok ? { pageIndex: converted.value.pageIndex, rect: converted.value.rect } : converted.error;
}

/**
 * Sign the documents one after another with one PIN entry, reporting progress; stop at the first
 * failure (a wrong PIN must not be retried against the token's counter). The PIN is a parameter
 * only: it is not kept after the loop ends.
 */
export async function signBatch(
  items: readonly BatchItem[],
  choice: SignerChoice,
  role: SignerRole,
  pin: string,
  onProgress: (done: number) => void,
  /** What the store records after each signature: the leader's, or the organization's seal. */
  record: 'outgoing.markSigned' | 'outgoing.markSealed' = 'outgoing.markSigned',
): Promise<BatchOutcome> {
  let signed = 0;
  for (const item of items) {
    const placement = await placementOf(item, role);
    if (typeof placement === 'object' && 'code' in placement) {
      return { ok: false, signed, error: placement, failedId: item.id };
    }
    const outPath = signedPathOf(item.path, record === 'outgoing.markSealed' ? 'dong-dau' : 'da-ky');
    const sealing = record === 'outgoing.markSealed';
    const result = await callPending<SignResult>(sealing ? SEAL_CHANNEL : SIGN_CHANNEL, {
      path: item.path,
      outPath,
      ...(sealing ? {} : { role }),
      modulePath: choice.modulePath,
      token: choice.token.serial === '' ? { label: choice.token.label } : { serial: choice.token.serial },
      keyIdHex: choice.certificate.keyIdHex,
      pin,
      placement,
    } satisfies SignRequest);
    if (!result.ok) {
      return { ok: false, signed, error: result.error, failedId: item.id };
    }
    const marked = await call(record, { id: item.id, filePath: result.value.path });
    if (!marked.ok) {
      return { ok: false, signed, error: marked.error, failedId: item.id };
    }
    signed += 1;
    onProgress(signed);
  }
  return { ok: true, signed };
}
