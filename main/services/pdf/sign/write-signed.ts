import type { FileHandle } from 'node:fs/promises';
import { atomicWrite } from './atomic-write.ts';
import { hashByteRanges } from './byte-range.ts';
import { signFailure } from './fail.ts';
import { byteRangeText, type SigDictBytes } from './sig-dict.ts';

export interface SignedFileInput {
  readonly outPath: string;
  readonly base: Uint8Array;
  /** The increment; its ByteRange placeholder is patched in place. */
  readonly increment: Uint8Array;
  /** Offset of the signature dictionary within `increment`. */
  readonly sigOffset: number;
  readonly sig: SigDictBytes;
  /** Builds the DER CMS for the digest of the signed ranges. */
  readonly sign: (digest: Uint8Array) => Promise<Uint8Array>;
  /** False for scratch output kept durably elsewhere: written without fsync (see writeFileAtomic). */
  readonly durable?: boolean;
}

/**
 * Completes a signature: fills /ByteRange, writes the file to a temporary path, hashes the
 * ranges back from it, obtains the CMS, writes it into /Contents and renames the file into
 * place. On any failure nothing is left at `outPath`.
 */
export async function writeSignedFile(input: SignedFileInput): Promise<{ cmsBytes: number }> {
  const { base, increment, sig } = input;
  const total = base.length + increment.length;
  const contentsStart = base.length + input.sigOffset + sig.contentsStart;
  const contentsEnd = base.length + input.sigOffset + sig.contentsEnd;
  const range = [0, contentsStart, contentsEnd, total - contentsEnd] as const;
  const text = byteRangeText(range, sig.byteRangeLength);
  increment.set(Buffer.from(text, 'latin1'), input.sigOffset + sig.byteRangeAt);

  let cmsBytes = 0;
  await atomicWrite(
    input.outPath,
    [base, increment],
    async (handle: FileHandle) => {
      const digest = await hashByteRanges(handle, range);
      const cms = await input.sign(digest);
      const capacity = (contentsEnd - contentsStart - 2) / 2;
      if (cms.length > capacity) {
        throw signFailure('PDF_PLACEHOLDER_TOO_SMALL', `Cần ${cms.length} byte, chỉ dành ${capacity} byte.`, {
          needed: cms.length,
          reserved: capacity,
        });
      }
      cmsBytes = cms.length;
      // Upper-case hex, zero padded by the placeholder that is already there.
      await handle.write(
        Buffer.from(Buffer.from(cms).toString('hex').toUpperCase(), 'latin1'),
        0,
        cms.length * 2,
        contentsStart + 1,
      );
    },
    { durable: input.durable ?? true },
  );
  return { cmsBytes };
}
