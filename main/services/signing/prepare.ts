import type { z } from 'zod';
import type { PrepareRequestSchema } from '../../../preload/contract/signing.ts';
import { bestCandidate, findPlacements } from '../pdf/layout/find-placements.ts';
import type { FieldCandidate } from '../pdf/layout/types.ts';
import type { SignatureRole } from '../pdf/placement.ts';
import { defaultPrepareOptions } from '../pdf/sign/default-placements.ts';
import { signFailure } from '../pdf/sign/fail.ts';
import { FIELD_NGAY_BAN_HANH, FIELD_SO_KY_HIEU } from '../pdf/sign/fields.ts';
import { assertPdfBytes, readPdfInput } from '../pdf/sign/input.ts';
import { preparePdf, type PreparedBox, type PrepareOptions, type PrepareResult } from '../pdf/sign/prepare.ts';

type PrepareRequest = z.output<typeof PrepareRequestSchema>;

/** Boxes a person placed (the UI's "drag the box"), which win over the layout module's. */
export interface PlacedBoxes {
  readonly soKyHieu?: PreparedBox;
  readonly ngayBanHanh?: PreparedBox;
  readonly signerBoxes?: Partial<Record<SignatureRole, PreparedBox>>;
}

/**
 * The prepare revision: số/ký hiệu and date fields plus one empty signature field per planned
 * signer, placed from the document's own text ('auto') or at fixed A4 positions ('default').
 */
export async function prepareFields(request: PrepareRequest & { readonly bytes?: Uint8Array }): Promise<PrepareResult> {
  const bytes = request.bytes ?? (await readPdfInput(request.path));
  if (request.bytes !== undefined) {
    assertPdfBytes(bytes);
  }
  const placed: PlacedBoxes = {
    ...(request.soKyHieu === undefined ? {} : { soKyHieu: request.soKyHieu }),
    ...(request.ngayBanHanh === undefined ? {} : { ngayBanHanh: request.ngayBanHanh }),
    ...(request.signerBoxes === undefined ? {} : { signerBoxes: request.signerBoxes }),
  };
  const options =
    request.placement === 'auto'
      ? await autoPrepareOptions(bytes, request.signers, placed)
      : withPlaced(await defaultPrepareOptions(bytes, request.signers), placed);
  return preparePdf(bytes, request.outPath, options);
}

const FIELD_LABEL_VI: Readonly<Record<FieldCandidate['kind'], string>> = {
  so: 'số, ký hiệu',
  ngay: 'ngày ban hành',
};
const FIELD_NAME: Readonly<Record<FieldCandidate['kind'], string>> = {
  so: FIELD_SO_KY_HIEU,
  ngay: FIELD_NGAY_BAN_HANH,
};

/**
 * Placements read from the document, or a refusal. The number and date fields are needed by
 * the văn thư after the leader has signed, when a missing field can no longer be added (a new
 * field breaks the certification): so a box that is neither found nor placed by a person stops
 * prepare here, naming the field, instead of failing at `number` after the signature.
 */
export async function autoPrepareOptions(
  bytes: Uint8Array,
  roles: readonly SignatureRole[],
  placed: PlacedBoxes = {},
): Promise<PrepareOptions> {
  const proposal = await findPlacements(bytes);
  const box = (kind: FieldCandidate['kind'], given: PreparedBox | undefined): PreparedBox => {
    if (given !== undefined) {
      return given;
    }
    const found = proposal.fields.find((f) => f.kind === kind);
    if (found === undefined) {
      throw signFailure(
        'PDF_FIELD_PLACEMENT_NOT_FOUND',
        `Thiếu ô ${FIELD_LABEL_VI[kind]} (trường ${FIELD_NAME[kind]}).`,
        { field: FIELD_NAME[kind], kind },
      );
    }
    return { ...found.placement, pageRotation: found.pageRotation };
  };
  const soKyHieu = box('so', placed.soKyHieu);
  const ngayBanHanh = box('ngay', placed.ngayBanHanh);
  return {
    soKyHieu,
    ngayBanHanh,
    signers: roles.map((role) => {
      const given = placed.signerBoxes?.[role];
      if (given !== undefined) {
        return { role, placement: given };
      }
      const best = bestCandidate(proposal, role);
      return { role, placement: { ...best.placement, pageRotation: best.pageRotation } };
    }),
  };
}

function withPlaced(options: PrepareOptions, placed: PlacedBoxes): PrepareOptions {
  return {
    ...options,
    ...(placed.soKyHieu === undefined ? {} : { soKyHieu: placed.soKyHieu }),
    ...(placed.ngayBanHanh === undefined ? {} : { ngayBanHanh: placed.ngayBanHanh }),
    signers: options.signers.map((s) => ({ ...s, placement: placed.signerBoxes?.[s.role] ?? s.placement })),
  };
}
