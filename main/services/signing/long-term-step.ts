import type { X509Certificate } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { errorMessageVi, VanthuError } from '../../../preload/contract/index.ts';
import { addDss } from '../pdf/sign/dss.ts';
import type { Signer } from '../pdf/signer.ts';
import type { RevocationCache } from '../pdf/verify/revocation-cache.ts';
import { collectLongTermMaterial, type CollectedMaterial } from './long-term.ts';

/**
 * Turns a per-file signing operation into a B-LT one: the chain's revocation answers are fetched
 * once (before the first signature, so a revoked certificate signs nothing) and every signed
 * file then gets its DSS increment.
 */
export function longTermStep<R>(
  operation: (bytes: Uint8Array, outPath: string) => Promise<R>,
  signer: Signer,
  anchors: readonly X509Certificate[],
  cache: RevocationCache,
): (
  bytes: Uint8Array,
  outPath: string,
) => Promise<R & { longTerm: { ocsps: number; crls: number; unknown: string[] } }> {
  let collected: Promise<CollectedMaterial> | undefined;
  const material = async (): Promise<CollectedMaterial> => {
    const found = await collectLongTermMaterial(signer.certificate, signer.chain, anchors, { cache });
    if (found.revoked.length > 0) {
      throw new VanthuError('CERT_REVOKED', errorMessageVi('CERT_REVOKED'), { details: { revoked: found.revoked } });
    }
    return found;
  };
  return async (bytes, outPath) => {
    collected ??= material();
    const lt = await collected;
    const result = await operation(bytes, outPath);
    const dss = await addDss(new Uint8Array(await readFile(outPath)), outPath, lt.material);
    return { ...result, longTerm: { ocsps: dss.added.ocsps, crls: dss.added.crls, unknown: [...lt.unknown] } };
  };
}
