import { createHash } from 'node:crypto';
import type { FileHandle } from 'node:fs/promises';
import { atomicWrite } from './atomic-write.ts';
import { hashByteRanges } from './byte-range.ts';
import { signFailure } from './fail.ts';
import { byteRangeText, type SigDictBytes } from './sig-dict.ts';

export interface SignedFileInput {
  /** Where the signed file goes; null: nowhere, it is returned in memory (its caller stores it). */
  readonly outPath: string | null;
  readonly base: Uint8Array;
  /** The increment; its ByteRange placeholder is patched in place. */
  readonly increment: Uint8Array;
  /** Offset of the signature dictionary within `increment`. */
  readonly sigOffset: number;
  readonly sig: SigDictBytes;
  /** Builds the DER CMS for the digest of the signed ranges. */
  readonly sign: (digest: Uint8Array) => Promise<Uint8Array>;
}

type Range = readonly [number, number, number, number];

/**
 * Completes a signature: fills /ByteRange, hashes the signed ranges, obtains the CMS and writes
 * it into /Contents. To a path, the file is written to a temporary name, the ranges are hashed
 * back from it and it is renamed into place, so on any failure nothing is left at `outPath`. In
 * memory (no path), the same bytes are returned, for a caller that checks and stores them itself.
 */
export async function writeSignedFile(input: SignedFileInput): Promise<{ cmsBytes: number; bytes?: Uint8Array }> {
  const { base, increment, sig } = input;
  const total = base.length + increment.length;
  const contentsStart = base.length + input.sigOffset + sig.contentsStart;
  const contentsEnd = base.length + input.sigOffset + sig.contentsEnd;
  const range: Range = [0, contentsStart, contentsEnd, total - contentsEnd];
  const text = byteRangeText(range, sig.byteRangeLength);
  increment.set(Buffer.from(text, 'latin1'), input.sigOffset + sig.byteRangeAt);

  /** The CMS for the digest, as the upper-case hex /Contents holds (zero padded by the placeholder). */
  const contentsHex = async (digest: Uint8Array): Promise<Buffer> => {
    const cms = await input.sign(digest);
    const capacity = (contentsEnd - contentsStart - 2) / 2;
    if (cms.length > capacity) {
      throw signFailure('PDF_PLACEHOLDER_TOO_SMALL', `Cần ${cms.length} byte, chỉ dành ${capacity} byte.`, {
        needed: cms.length,
        reserved: capacity,
      });
    }
    return Buffer.from(Buffer.from(cms).toString('hex').toUpperCase(), 'latin1');
  };

  if (input.outPath === null) {
    const whole = Buffer.concat([base, increment], total);
    const digest = createHash('sha256')
      .update(whole.subarray(range[0], range[0] + range[1]))
      .update(whole.subarray(range[2], range[2] + range[3]))
      .digest();
    const hex = await contentsHex(new Uint8Array(digest));
    hex.copy(whole, contentsStart + 1);
    return { cmsBytes: hex.length / 2, bytes: new Uint8Array(whole.buffer, whole.byteOffset, whole.byteLength) };
  }

  let cmsBytes = 0;
  await atomicWrite(input.outPath, [base, increment], async (handle: FileHandle) => {
    const hex = await contentsHex(await hashByteRanges(handle, range));
    cmsBytes = hex.length / 2;
    await handle.write(hex, 0, hex.length, contentsStart + 1);
  });
  return { cmsBytes };
}
