import { randomBytes } from 'node:crypto';
import { chmodSync, closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { open, rename, unlink, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * The app's one way of replacing a file: a temporary file beside the target, written, fsynced,
 * renamed over it, and the folder fsynced, so a crash or a full disk leaves the old file or the
 * new one, never half of one. The temporary name is unique (several writers, several processes).
 */
function tempBeside(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
}

/** Makes the rename itself durable; not possible on every platform (Windows), so best effort. */
function syncDirectorySync(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // best effort, see above
  } finally {
    if (fd !== undefined) {
      closeSync(fd);
    }
  }
}

async function syncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, 'r').catch(() => undefined);
  await handle?.sync().catch(() => undefined);
  await handle?.close().catch(() => undefined);
}

/** Replaces `path` with `data` atomically and durably. `mode` is set outright (not through the umask). */
export function writeFileAtomicSync(path: string, data: string | Uint8Array, options: { mode?: number } = {}): void {
  const temp = tempBeside(path);
  try {
    const fd = openSync(temp, 'wx', options.mode ?? 0o666);
    try {
      const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
      for (let offset = 0; offset < bytes.length;) {
        offset += writeSync(fd, bytes, offset);
      }
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    if (options.mode !== undefined) {
      chmodSync(temp, options.mode);
    }
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
  syncDirectorySync(dirname(path));
}

/**
 * The same, asynchronous, from parts; `fill` may patch the temporary file through its handle
 * before the fsync (the PDF signer writes the signature there). `durable: false` keeps the
 * all-or-nothing rename but skips both fsyncs: for scratch output that its caller reads back at
 * once and keeps durably elsewhere (the workflow's content store), where waiting on the disk
 * twice per file only slowed a batch (issue #15).
 */
export async function writeFileAtomic(
  path: string,
  parts: readonly Uint8Array[],
  fill?: (handle: FileHandle) => Promise<void>,
  options: { readonly durable?: boolean } = {},
): Promise<void> {
  const durable = options.durable ?? true;
  const temp = tempBeside(path);
  let handle: FileHandle | undefined;
  try {
    handle = await open(temp, 'wx+');
    for (const part of parts) {
      await handle.write(part);
    }
    if (fill !== undefined) {
      await fill(handle);
    }
    if (durable) {
      await handle.sync();
    }
    await handle.close();
    handle = undefined;
    await rename(temp, path);
  } catch (error) {
    await handle?.close().catch(() => undefined);
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  if (durable) {
    await syncDirectory(dirname(path));
  }
}
