import type { z } from 'zod';
import type { PrepareRequestSchema } from '../../../preload/contract/signing.ts';
import { bestCandidate, findPlacements } from '../pdf/layout/find-placements.ts';
import type { SignatureRole } from '../pdf/placement.ts';
import { defaultPrepareOptions } from '../pdf/sign/default-placements.ts';
import { readPdfInput } from '../pdf/sign/input.ts';
import { preparePdf, type PrepareOptions, type PrepareResult } from '../pdf/sign/prepare.ts';

/**
 * The prepare revision: số/ký hiệu and date fields plus one empty signature field per planned
 * signer, placed from the document's own text ('auto') or at fixed A4 positions ('default').
 */
export async function prepareFields(request: z.output<typeof PrepareRequestSchema>): Promise<PrepareResult> {
  const bytes = await readPdfInput(request.path);
  const options =
    request.placement === 'auto'
      ? await autoPrepareOptions(bytes, request.signers)
      : await defaultPrepareOptions(bytes, request.signers);
  return preparePdf(bytes, request.outPath, options);
}

async function autoPrepareOptions(bytes: Uint8Array, roles: readonly SignatureRole[]): Promise<PrepareOptions> {
  const proposal = await findPlacements(bytes);
  const so = proposal.fields.find((f) => f.kind === 'so');
  const ngay = proposal.fields.find((f) => f.kind === 'ngay');
  return {
    ...(so === undefined ? {} : { soKyHieu: so.placement }),
    ...(ngay === undefined ? {} : { ngayBanHanh: ngay.placement }),
    signers: roles.map((role) => ({ role, placement: bestCandidate(proposal, role).placement })),
  };
}
