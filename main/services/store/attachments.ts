import { createHash, randomBytes } from 'node:crypto';
import { fsync } from 'node:fs';
import { promisify } from 'node:util';
import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { filesKeyFor } from '../cipher/files-key.ts';
import { openSealedReader, sealTo, SealedFileError, unsealEach, unsealFile } from '../cipher/sealed-file.ts';
import { VanthuError } from '../../../preload/contract/errors.ts';
import { errorMessageVi } from '../../../preload/contract/error-messages.vi.ts';
import { statement } from './statements.ts';

/** Provincial rules: each file at most 50 MB [S-NB22 Điều 8 k4]. */
const fsyncAsync = promisify(fsync);

export const MAX_ATTACHMENT_BYTES = 50 * 1024 * 1024;

export function attachmentPath(filesDir: string, sha256: string): string {
  return join(filesDir, sha256.slice(0, 2), sha256);
}

export function sha256Of(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Read a user's file, refusing it before reading when it is over the limit. */
export function readAttachmentSource(path: string): Uint8Array {
  if (!existsSync(path)) {
    throw new VanthuError('FILE_NOT_FOUND', errorMessageVi('FILE_NOT_FOUND', path), { details: { path } });
  }
  if (statSync(path).size > MAX_ATTACHMENT_BYTES) {
    throw new VanthuError('FILE_TOO_LARGE', errorMessageVi('FILE_TOO_LARGE'), { details: { path } });
  }
  return readFileSync(path);
}

/**
 * Store bytes under their SHA-256. Written to a temporary file, fsynced and renamed, so the
 * final path holds either nothing or the whole file; the same content is stored once. Call
 * before the transaction that refers to it: an orphan file after a crash is harmless.
 */
export function writeAttachmentFile(filesDir: string, bytes: Uint8Array): string {
  if (bytes.byteLength > MAX_ATTACHMENT_BYTES) {
    throw new VanthuError('FILE_TOO_LARGE', errorMessageVi('FILE_TOO_LARGE'));
  }
  const sha256 = sha256Of(bytes);
  if (existsSync(attachmentPath(filesDir, sha256))) {
    return sha256;
  }
  return rewriteAttachmentFile(filesDir, bytes);
}

/**
 * Store bytes under their SHA-256 even when a file of that name exists: a restore writes every
 * file again, as one sealed under another profile's key would not open with this one's.
 */
export function rewriteAttachmentFile(filesDir: string, bytes: Uint8Array): string {
  const sha256 = sha256Of(bytes);
  writeStoredFile(filesDir, sha256, (fd) => {
    const key = filesKeyFor(filesDir);
    if (key === undefined) {
      writeSync(fd, bytes);
    } else {
      sealTo(key, { bytes }, fd);
    }
  });
  return sha256;
}

/**
 * The same as writeAttachmentFile, with the two fsyncs waited on off the main thread: the
 * workflow stores a batch's signed files while the next ones are signed, and the main thread
 * blocked on the disk twice per file held the whole batch back (issue #15).
 */
export async function writeAttachmentFileAsync(
  filesDir: string,
  bytes: Uint8Array,
  /** The bytes' SHA-256 when the caller has just computed it from these very bytes (not hashed again). */
  known?: string,
): Promise<string> {
  if (bytes.byteLength > MAX_ATTACHMENT_BYTES) {
    throw new VanthuError('FILE_TOO_LARGE', errorMessageVi('FILE_TOO_LARGE'));
  }
  const sha256 = known ?? sha256Of(bytes);
  if (existsSync(attachmentPath(filesDir, sha256))) {
    return sha256;
  }
  const target = attachmentPath(filesDir, sha256);
  const folder = join(filesDir, sha256.slice(0, 2));
  mkdirSync(folder, { recursive: true });
  const temp = `${target}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    const fd = openSync(temp, 'w');
    try {
      const key = filesKeyFor(filesDir);
      if (key === undefined) {
        writeSync(fd, bytes);
      } else {
        sealTo(key, { bytes }, fd);
      }
      await fsyncAsync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, target);
    const dirFd = openSync(folder, 'r');
    try {
      await fsyncAsync(dirFd);
    } finally {
      closeSync(dirFd);
    }
  } catch (error) {
    rmSync(temp, { force: true });
    throw writeFailure(error);
  }
  return sha256;
}

function writeFailure(error: unknown): VanthuError {
  const code = (error as { code?: string }).code;
  return new VanthuError(
    code === 'ENOSPC' ? 'DISK_FULL' : 'FILE_WRITE_FAILED',
    errorMessageVi(code === 'ENOSPC' ? 'DISK_FULL' : 'FILE_WRITE_FAILED'),
    { cause: error },
  );
}

/**
 * Write a stored file through a temporary file, fsync and rename, so the final path holds
 * either nothing or the whole file, and fsync the folder so the rename reaches the disk before
 * a document row may point at the file.
 */
function writeStoredFile(filesDir: string, sha256: string, write: (fd: number) => void): void {
  const target = attachmentPath(filesDir, sha256);
  mkdirSync(join(filesDir, sha256.slice(0, 2)), { recursive: true });
  // real time: only makes the scratch name unique.
  const temp = `${target}.${process.pid}.${Date.now()}.tmp`;
  try {
    const fd = openSync(temp, 'w');
    try {
      write(fd);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, target);
    const dirFd = openSync(join(filesDir, sha256.slice(0, 2)), 'r');
    try {
      fsyncSync(dirFd);
    } finally {
      closeSync(dirFd);
    }
  } catch (error) {
    rmSync(temp, { force: true });
    throw writeFailure(error);
  }
}

/**
 * Store a file from disk without holding it in memory: hashed in one pass, then copied (sealed
 * in an encrypted profile) chunk by chunk. For the 50 MB scans the intake accepts.
 */
export function storeAttachmentFromFile(filesDir: string, sourcePath: string): { sha256: string; size: number } {
  if (!existsSync(sourcePath)) {
    throw new VanthuError('FILE_NOT_FOUND', errorMessageVi('FILE_NOT_FOUND'), { details: { path: sourcePath } });
  }
  const size = statSync(sourcePath).size;
  if (size > MAX_ATTACHMENT_BYTES) {
    throw new VanthuError('FILE_TOO_LARGE', errorMessageVi('FILE_TOO_LARGE'));
  }
  const source = openSync(sourcePath, 'r');
  try {
    const hash = createHash('sha256');
    const chunk = Buffer.alloc(1024 * 1024);
    for (let position = 0; position < size;) {
      const n = readSync(source, chunk, 0, chunk.byteLength, position);
      if (n === 0) {
        break;
      }
      hash.update(chunk.subarray(0, n));
      position += n;
    }
    const sha256 = hash.digest('hex');
    if (!existsSync(attachmentPath(filesDir, sha256))) {
      writeStoredFile(filesDir, sha256, (fd) => {
        const key = filesKeyFor(filesDir);
        if (key === undefined) {
          for (let position = 0; position < size;) {
            const n = readSync(source, chunk, 0, chunk.byteLength, position);
            if (n === 0) {
              break;
            }
            writeSync(fd, chunk, 0, n);
            position += n;
          }
        } else {
          sealTo(key, { fd: source, size }, fd);
        }
      });
    }
    return { sha256, size };
  } finally {
    closeSync(source);
  }
}

/** Record the attachment row (idempotent); inside the document's transaction. */
export function recordAttachment(db: Database, sha256: string, size: number, mediaType: string, now: Date): void {
  statement(
    db,
    `INSERT INTO attachments (sha256, size, media_type, created_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING`,
  ).run(sha256, size, mediaType, now.toISOString());
}

export function readAttachment(filesDir: string, sha256: string): Uint8Array {
  const path = attachmentPath(filesDir, sha256);
  if (!existsSync(path)) {
    throw new VanthuError('FILE_NOT_FOUND', errorMessageVi('FILE_NOT_FOUND'), { details: { sha256 } });
  }
  const key = filesKeyFor(filesDir);
  if (key === undefined) {
    return readFileSync(path);
  }
  try {
    return unsealFile(key, path);
  } catch (error) {
    throw unreadable(error, sha256);
  }
}

/**
 * Put a stored file's plaintext at `destination` (a scratch file of the profile), chunk by
 * chunk: for the code that reads by path (the PDF signer, resumable uploads).
 */
export function copyAttachmentTo(filesDir: string, sha256: string, destination: string): void {
  const path = attachmentPath(filesDir, sha256);
  if (!existsSync(path)) {
    throw new VanthuError('FILE_NOT_FOUND', errorMessageVi('FILE_NOT_FOUND'), { details: { sha256 } });
  }
  const key = filesKeyFor(filesDir);
  const fd = openSync(destination, 'w', 0o600);
  try {
    if (key === undefined) {
      writeSync(fd, readFileSync(path));
    } else {
      unsealEach(key, path, (plain) => {
        writeSync(fd, plain);
      });
    }
    fsyncSync(fd);
  } catch (error) {
    throw unreadable(error, sha256);
  } finally {
    closeSync(fd);
  }
}

function unreadable(error: unknown, sha256: string): unknown {
  if (error instanceof SealedFileError) {
    return new VanthuError(
      'DB_CORRUPT',
      errorMessageVi('DB_CORRUPT', `(tệp ${sha256.slice(0, 12)} không giải mã được)`),
      {
        cause: error,
        details: { sha256 },
      },
    );
  }
  return error;
}

/** Random access to a stored file's plaintext, plain or sealed: resumable uploads read by range. */
export interface StoredFileReader {
  readonly size: number;
  read(position: number, length: number): Buffer;
  close(): void;
}

export function openAttachment(filesDir: string, sha256: string): StoredFileReader {
  const path = attachmentPath(filesDir, sha256);
  if (!existsSync(path)) {
    throw new VanthuError('FILE_NOT_FOUND', errorMessageVi('FILE_NOT_FOUND'), { details: { sha256 } });
  }
  const key = filesKeyFor(filesDir);
  if (key !== undefined) {
    return openSealedReader(key, path);
  }
  const fd = openSync(path, 'r');
  const size = statSync(path).size;
  return {
    size,
    read(position, length) {
      const buffer = Buffer.alloc(Math.max(0, Math.min(length, size - position)));
      const n = readSync(fd, buffer, 0, buffer.byteLength, position);
      return buffer.subarray(0, n);
    },
    close: () => closeSync(fd),
  };
}

/** A stored file's plaintext size: a sealed file is larger on disk than what it holds. */
export function storedFileSize(filesDir: string, sha256: string): number {
  const reader = openAttachment(filesDir, sha256);
  try {
    return reader.size;
  } finally {
    reader.close();
  }
}

/** Whether the profile owning this files folder seals what it stores. */
export function storesSealed(filesDir: string): boolean {
  return filesKeyFor(filesDir) !== undefined;
}
