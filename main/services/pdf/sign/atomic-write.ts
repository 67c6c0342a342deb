import type { FileHandle } from 'node:fs/promises';
import { isVanthuError } from '../../../../preload/contract/vanthu-error.ts';
import { writeFileAtomic } from '../../disk/atomic-write.ts';
import { signFailure } from './fail.ts';

/**
 * Writes a signed or prepared PDF so that it either appears complete or not at all (the app's
 * one atomic writer), with a full disk or a refused write reported as a signing failure.
 */
export async function atomicWrite(
  outPath: string,
  parts: readonly Uint8Array[],
  fill?: (handle: FileHandle) => Promise<void>,
  options: { readonly durable?: boolean } = {},
): Promise<void> {
  try {
    await writeFileAtomic(outPath, parts, fill, options);
  } catch (error) {
    throw mapWriteError(error, outPath);
  }
}

function mapWriteError(error: unknown, outPath: string): unknown {
  if (isVanthuError(error)) {
    return error;
  }
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOSPC' || code === 'EDQUOT') {
    return signFailure('DISK_FULL');
  }
  if (typeof code === 'string') {
    return signFailure('FILE_WRITE_FAILED', `${outPath} (${code})`, { path: outPath });
  }
  return error;
}
