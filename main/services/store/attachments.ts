import { createHash } from 'node:crypto';
import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  statSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { VanthuError } from '../../../preload/contract/errors.ts';
import { errorMessageVi } from '../../../preload/contract/error-messages.vi.ts';

/** Provincial rules: each file at most 50 MB [S-NB22 Điều 8 k4]. */
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
  const target = attachmentPath(filesDir, sha256);
  if (existsSync(target)) {
    return sha256;
  }
  mkdirSync(join(filesDir, sha256.slice(0, 2)), { recursive: true });
  const temp = `${target}.${process.pid}.${Date.now()}.tmp`;
  try {
    const fd = openSync(temp, 'w');
    try {
      writeSync(fd, bytes);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, target);
    // The rename itself must reach the disk before a document row may point at the file.
    const dirFd = openSync(join(filesDir, sha256.slice(0, 2)), 'r');
    try {
      fsyncSync(dirFd);
    } finally {
      closeSync(dirFd);
    }
  } catch (error) {
    const code = (error as { code?: string }).code;
    throw new VanthuError(
      code === 'ENOSPC' ? 'DISK_FULL' : 'FILE_WRITE_FAILED',
      errorMessageVi(code === 'ENOSPC' ? 'DISK_FULL' : 'FILE_WRITE_FAILED'),
      {
        cause: error,
      },
    );
  }
  return sha256;
}

/** Record the attachment row (idempotent); inside the document's transaction. */
export function recordAttachment(db: Database, sha256: string, size: number, mediaType: string, now: Date): void {
  db.prepare(
    `INSERT INTO attachments (sha256, size, media_type, created_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING`,
  ).run(sha256, size, mediaType, now.toISOString());
}

export function readAttachment(filesDir: string, sha256: string): Uint8Array {
  const path = attachmentPath(filesDir, sha256);
  if (!existsSync(path)) {
    throw new VanthuError('FILE_NOT_FOUND', errorMessageVi('FILE_NOT_FOUND'), { details: { sha256 } });
  }
  return readFileSync(path);
}
