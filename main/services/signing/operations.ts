import type { Settings } from '../../../preload/contract/index.ts';
import type { SigningOperation } from '../../../preload/contract/signing.ts';
import type { PlacementOptions } from '../pdf/layout/types.ts';
import type { Signer } from '../pdf/signer.ts';
import { signAppendix, signCopy } from '../pdf/sign/appendix.ts';
import type { TimestampSource } from '../pdf/sign/cms.ts';
import { FIELD_NGAY_BAN_HANH, FIELD_SO_KY_HIEU } from '../pdf/sign/fields.ts';
import { appendixLine, copyLine } from '../pdf/sign/issue-text.ts';
import { DEFAULT_SIGNATURE_FIELD, signPdf, type SignResult } from '../pdf/sign/sign.ts';
import { createAppearance } from '../pdf/stamp/appearance.ts';
import type { SigningImages } from './images.ts';
import { resolvePlacement } from './placement.ts';
import { vnDateTime } from './vn-time.ts';

export interface OperationContext {
  readonly signer: Signer;
  readonly images: SigningImages;
  readonly organization: Settings['organization'];
  readonly timestamp?: TimestampSource;
  readonly now?: () => Date;
  /**
   * Sign and seal return the signed file instead of writing it (`SignResult.bytes`), for a caller
   * that checks and stores it itself; the other operations write `outPath` as ever.
   */
  readonly inMemory?: boolean;
}

/** ND30 text blocks (appendix, copy, optional house-style lines under the seal): 10 pt. */
const TEXT_SIZE = 10;

/** Which configured image an operation draws: the leader's signature, the seal, or none. */
export function imageKindOf(operation: SigningOperation): 'signature' | 'seal' | null {
  if (operation.kind === 'sign') {
    return operation.role === 'personal' ? 'signature' : 'seal';
  }
  return operation.kind === 'seal' ? 'seal' : null;
}

/** Runs one signing operation on one file's bytes and writes `outPath` (atomically, by the engine). */
export async function runOperation(
  operation: SigningOperation,
  bytes: Uint8Array,
  outPath: string,
  context: OperationContext,
): Promise<SignResult> {
  const signingTime = (context.now ?? (() => new Date()))();
  const common = {
    signer: context.signer,
    appearance: createAppearance,
    signingTime,
    ...(context.timestamp === undefined ? {} : { timestamp: context.timestamp }),
  };
  if (operation.kind === 'appendix') {
    const lines = [appendixLine(operation.soKyHieu, signingTime)];
    const where = await resolvePlacement(
      bytes,
      'appendix',
      DEFAULT_SIGNATURE_FIELD.appendix,
      operation.placement ?? 'auto',
      {
        appendixLines: lines,
        fontSize: TEXT_SIZE,
      },
    );
    return signAppendix(bytes, outPath, { ...common, ...where, soKyHieu: operation.soKyHieu });
  }
  if (operation.kind === 'copy') {
    const coQuanSao = operation.coQuanSao ?? context.organization.name;
    const lines = [copyLine(operation.hinhThuc, coQuanSao, signingTime)];
    const pages = operation.pageIndexes === undefined ? {} : { pageIndexes: operation.pageIndexes };
    // An extract's page 1 may be another page of the original: its box is found on the copy itself.
    const where =
      operation.pageIndexes !== undefined && operation.placement === undefined
        ? {}
        : await resolvePlacement(bytes, 'copy', DEFAULT_SIGNATURE_FIELD.copy, operation.placement ?? 'auto', {
            copyLines: lines,
            fontSize: TEXT_SIZE,
          });
    return signCopy(bytes, outPath, { ...common, ...where, ...pages, hinhThuc: operation.hinhThuc, coQuanSao });
  }

  const role = operation.kind === 'seal' ? 'organization' : operation.role;
  const imagePng = role === 'personal' ? context.images.signaturePng : context.images.sealPng;
  // House style: some provinces print the organization's name and the time beside the seal.
  const houseText =
    role === 'organization' && context.organization.houseStyle === 'seal-with-text'
      ? [context.organization.name, vnDateTime(signingTime)].filter((l) => l !== '')
      : [];
  const layout: PlacementOptions = {
    sealDiameterMm: context.images.sealDiameterMm,
    ...(context.images.signaturePng === undefined ? {} : { signaturePng: context.images.signaturePng }),
    ...(context.images.sealPng === undefined ? {} : { sealPng: context.images.sealPng }),
    ...(houseText.length === 0 ? {} : { organizationText: houseText, fontSize: TEXT_SIZE }),
  };
  const where = await resolvePlacement(bytes, role, DEFAULT_SIGNATURE_FIELD[role], operation.placement, layout);
  return signPdf(bytes, outPath, {
    ...common,
    ...where,
    role,
    ...(imagePng === undefined ? {} : { imagePng }),
    ...(houseText.length === 0 ? {} : { textLines: houseText, fontSize: TEXT_SIZE }),
    ...(operation.kind === 'sign' && operation.certify !== undefined ? { certify: operation.certify } : {}),
    ...(operation.kind === 'seal' && operation.lock ? { lockFields: [FIELD_SO_KY_HIEU, FIELD_NGAY_BAN_HANH] } : {}),
    ...(context.inMemory === true ? { inMemory: true } : {}),
  });
}
