import { createHash } from 'node:crypto';
import type { FileHandle } from 'node:fs/promises';

const CHUNK = 256 * 1024;

/**
 * SHA-256 of the signed ranges, read back from the file being written, in fixed-size chunks:
 * what is hashed is what is on disk, and a large scan is never copied into one buffer.
 */
export async function hashByteRanges(
  handle: FileHandle,
  range: readonly [number, number, number, number],
): Promise<Uint8Array> {
  const hash = createHash('sha256');
  const buffer = Buffer.alloc(CHUNK);
  for (const [start, length] of [
    [range[0], range[1]],
    [range[2], range[3]],
  ] as const) {
    let done = 0;
    while (done < length) {
      const want = Math.min(CHUNK, length - done);
      const { bytesRead } = await handle.read(buffer, 0, want, start + done);
      if (bytesRead === 0) {
        throw new Error('unexpected end of file while hashing');
      }
      hash.update(buffer.subarray(0, bytesRead));
      done += bytesRead;
    }
  }
  return new Uint8Array(hash.digest());
}
