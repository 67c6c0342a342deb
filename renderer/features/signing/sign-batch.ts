import type { AppError } from '../../../preload/contract/index.ts';
import type { SignerRole } from '../../../preload/contract/tokens.ts';
import { call } from '../../app/ipc/call.ts';
import type { ScreenPlacement } from './PlacementPreview.tsx';
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

type Placement = 'auto' | { pageIndex: number; rect: { x: number; y: number; width: number; height: number } };

/** Where the signed copy goes: beside the input, never over it (the input stays as it was). */
export function signedPathOf(path: string, suffix: string): string {
  return /\.pdf$/i.test(path) ? path.replace(/\.pdf$/i, `.${suffix}.pdf`) : `${path}.${suffix}.pdf`;
}

async function placementOf(item: BatchItem, role: SignerRole): Promise<Placement | undefined | AppError> {
  if (item.placement === null || item.view === null) {
    // Nothing moved: sign into the field prepare made (or let the layout module choose).
    return undefined;
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
 * Before the leader signs, give the draft its empty fields (ND30 places: the signatures, số/ký hiệu
 * and date), so the văn thư can later number and seal without touching the leader's revision. A box
 * the leader moved is signed where it was put, so only the others are prepared then.
 */
async function prepared(path: string, moved: boolean): Promise<string | AppError> {
  const result = await call('signing.prepare', {
    path,
    outPath: signedPathOf(path, 'chuan-bi'),
    signers: moved ? ['organization'] : ['personal', 'organization'],
    placement: 'auto',
  });
  if (result.ok) {
    return result.value.path;
  }
  // Already prepared (by the drafter or an earlier attempt): sign it as it is.
  return result.error.code === 'PDF_FIELD_EXISTS' ? path : result.error;
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
  const sealing = record === 'outgoing.markSealed';
  for (const item of items) {
    const placement = await placementOf(item, role);
    if (typeof placement === 'object' && 'code' in placement) {
      return { ok: false, signed, error: placement, failedId: item.id };
    }
    const input = sealing ? item.path : await prepared(item.path, placement !== undefined);
    if (typeof input !== 'string') {
      return { ok: false, signed, error: input, failedId: item.id };
    }
    const common = {
      path: input,
      outPath: signedPathOf(input, sealing ? 'dong-dau' : 'da-ky'),
      modulePath: choice.modulePath,
      token: choice.token.serial === '' ? { label: choice.token.label } : { serial: choice.token.serial },
      keyIdHex: choice.certificate.keyIdHex,
      pin,
      ...(placement === undefined ? {} : { placement }),
    };
    const result = sealing ? await call('signing.seal', common) : await call('signing.sign', { ...common, role });
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
