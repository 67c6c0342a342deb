import { randomBytes } from 'node:crypto';
import { open, rename, unlink, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { isVanthuError } from '../../../../preload/contract/vanthu-error.ts';
import { signFailure } from './fail.ts';

/**
 * Writes a file so that it either appears complete or not at all: a temporary file in the same
 * folder, written, fsynced, then renamed over the target. `fill` may patch the temporary file
 * through its handle (the signature is written there) before the fsync.
 */
export async function atomicWrite(
  outPath: string,
  parts: readonly Uint8Array[],
  fill?: (handle: FileHandle) => Promise<void>,
): Promise<void> {
  const temp = join(dirname(outPath), `.${basename(outPath)}.${randomBytes(6).toString('hex')}.tmp`);
  let handle: FileHandle | undefined;
  try {
    handle = await open(temp, 'wx+');
    for (const part of parts) {
      await handle.write(part);
    }
    if (fill !== undefined) {
      await fill(handle);
    }
    await handle.sync();
    await handle.close();
    handle = undefined;
    await rename(temp, outPath);
    await syncDirectory(dirname(outPath));
  } catch (error) {
    await handle?.close().catch(() => undefined);
    await unlink(temp).catch(() => undefined);
    throw mapWriteError(error, outPath);
  }
}

/** Makes the rename itself durable; not possible on every platform (Windows), so best effort. */
async function syncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, 'r').catch(() => undefined);
  await handle?.sync().catch(() => undefined);
  await handle?.close().catch(() => undefined);
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
