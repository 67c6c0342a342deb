import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync, writeSync } from 'node:fs';

/**
 * A stored file encrypted at rest: AES-256-GCM over fixed-size chunks, so a 50 MB file is
 * written and read with one chunk in memory. Layout:
 *
 *   header  = "VTS1" | chunkSize (u32 BE) | noncePrefix (7 bytes)       (15 bytes)
 *   chunk_i = ciphertext_i | tag_i (16 bytes)
 *
 * Each chunk's nonce is noncePrefix | i (u32 BE) | last (1 byte), the STREAM construction: the
 * counter stops chunks being reordered, the last flag stops a file being cut at a chunk
 * boundary, and the header is every chunk's associated data, so it cannot be changed either.
 * The prefix is random per file, so one key never sees a nonce twice. An empty file is one
 * empty last chunk (a tag only).
 */
export const SEALED_MAGIC = Buffer.from('VTS1', 'ascii');
export const SEALED_CHUNK_BYTES = 64 * 1024;
const HEADER_BYTES = 4 + 4 + 7;
const TAG_BYTES = 16;

/** Why a sealed file cannot be opened: damaged, cut short, or sealed with another key. */
export class SealedFileError extends Error {
  override readonly name = 'SealedFileError';
}

function header(chunkSize: number, prefix: Buffer): Buffer {
  const out = Buffer.alloc(HEADER_BYTES);
  SEALED_MAGIC.copy(out, 0);
  out.writeUInt32BE(chunkSize, 4);
  prefix.copy(out, 8);
  return out;
}

function nonce(prefix: Buffer, index: number, last: boolean): Buffer {
  const out = Buffer.alloc(12);
  prefix.copy(out, 0);
  out.writeUInt32BE(index, 7);
  out[11] = last ? 1 : 0;
  return out;
}

/** True when the bytes start like a sealed file (files written before encryption do not). */
export function isSealed(head: Uint8Array): boolean {
  return head.byteLength >= 4 && Buffer.from(head.buffer, head.byteOffset, 4).equals(SEALED_MAGIC);
}

/** The size of a sealed file holding `plainBytes`. */
export function sealedSize(plainBytes: number, chunkSize = SEALED_CHUNK_BYTES): number {
  const chunks = Math.max(1, Math.ceil(plainBytes / chunkSize));
  return HEADER_BYTES + plainBytes + chunks * TAG_BYTES;
}

/** A source of plaintext read piece by piece: a buffer in memory or an open file. */
export type PlainSource = { readonly bytes: Uint8Array } | { readonly fd: number; readonly size: number };

function readPlain(source: PlainSource, position: number, into: Buffer): number {
  if ('bytes' in source) {
    const n = Math.min(into.byteLength, source.bytes.byteLength - position);
    into.set(source.bytes.subarray(position, position + n));
    return n;
  }
  let done = 0;
  while (done < into.byteLength && position + done < source.size) {
    const n = readSync(source.fd, into, done, into.byteLength - done, position + done);
    if (n === 0) {
      break;
    }
    done += n;
  }
  return done;
}

function writeAll(fd: number, bytes: Uint8Array): void {
  let done = 0;
  while (done < bytes.byteLength) {
    done += writeSync(fd, bytes, done, bytes.byteLength - done);
  }
}

/**
 * Encrypt `source` into the open file `outFd`, chunk by chunk. `onChunk` sees each plaintext
 * chunk (to hash it in the same pass).
 */
export function sealTo(
  key: Buffer,
  source: PlainSource,
  outFd: number,
  onChunk: (plain: Buffer) => void = () => undefined,
  chunkSize = SEALED_CHUNK_BYTES,
): void {
  const size = 'bytes' in source ? source.bytes.byteLength : source.size;
  const prefix = randomBytes(7);
  const head = header(chunkSize, prefix);
  writeAll(outFd, head);
  const chunks = Math.max(1, Math.ceil(size / chunkSize));
  const buffer = Buffer.alloc(chunkSize);
  for (let i = 0; i < chunks; i++) {
    const n = readPlain(source, i * chunkSize, buffer);
    const plain = buffer.subarray(0, n);
    onChunk(plain);
    const cipher = createCipheriv('aes-256-gcm', key, nonce(prefix, i, i === chunks - 1));
    cipher.setAAD(head);
    writeAll(outFd, Buffer.concat([cipher.update(plain), cipher.final(), cipher.getAuthTag()]));
  }
}

/**
 * Decrypt the sealed file at `path`, handing each authenticated plaintext chunk to `onChunk`.
 * Nothing unauthenticated is ever handed out; a wrong key, a changed byte, a reordered or
 * missing chunk all throw `SealedFileError`.
 */
export function unsealEach(key: Buffer, path: string, onChunk: (plain: Buffer) => void): void {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    const head = Buffer.alloc(HEADER_BYTES);
    if (readSync(fd, head, 0, HEADER_BYTES, 0) !== HEADER_BYTES || !isSealed(head)) {
      throw new SealedFileError('not a sealed file');
    }
    const chunkSize = head.readUInt32BE(4);
    if (chunkSize === 0 || chunkSize > 16 * 1024 * 1024) {
      throw new SealedFileError('bad chunk size');
    }
    const prefix = head.subarray(8, 15);
    const body = size - HEADER_BYTES;
    const sealedChunk = chunkSize + TAG_BYTES;
    const chunks = Math.max(1, Math.ceil(body / sealedChunk));
    const buffer = Buffer.alloc(sealedChunk);
    for (let i = 0; i < chunks; i++) {
      const position = HEADER_BYTES + i * sealedChunk;
      const n = readSync(fd, buffer, 0, Math.min(sealedChunk, size - position), position);
      if (n < TAG_BYTES) {
        throw new SealedFileError('cut short');
      }
      const decipher = createDecipheriv('aes-256-gcm', key, nonce(prefix, i, i === chunks - 1));
      decipher.setAAD(head);
      decipher.setAuthTag(buffer.subarray(n - TAG_BYTES, n));
      const plain = decipher.update(buffer.subarray(0, n - TAG_BYTES));
      try {
        decipher.final();
      } catch (error) {
        throw new SealedFileError(`chunk ${i} failed authentication`, { cause: error });
      }
      onChunk(plain);
    }
  } finally {
    closeSync(fd);
  }
}

/** Decrypt a whole sealed file into memory (callers that need the bytes anyway: ≤ 50 MB). */
export function unsealFile(key: Buffer, path: string): Buffer {
  const parts: Buffer[] = [];
  unsealEach(key, path, (plain) => parts.push(Buffer.from(plain)));
  return Buffer.concat(parts);
}

/** Random access to a sealed file's plaintext: only the chunks a range covers are decrypted. */
export interface SealedReader {
  readonly size: number;
  read(position: number, length: number): Buffer;
  close(): void;
}

export function openSealedReader(key: Buffer, path: string): SealedReader {
  const fd = openSync(path, 'r');
  try {
    const total = fstatSync(fd).size;
    const head = Buffer.alloc(HEADER_BYTES);
    if (readSync(fd, head, 0, HEADER_BYTES, 0) !== HEADER_BYTES || !isSealed(head)) {
      throw new SealedFileError('not a sealed file');
    }
    const chunkSize = head.readUInt32BE(4);
    const prefix = head.subarray(8, 15);
    const sealedChunk = chunkSize + TAG_BYTES;
    const body = total - HEADER_BYTES;
    const chunks = Math.max(1, Math.ceil(body / sealedChunk));
    const size = body - chunks * TAG_BYTES;
    if (size < 0) {
      throw new SealedFileError('cut short');
    }
    const chunk = (index: number): Buffer => {
      const position = HEADER_BYTES + index * sealedChunk;
      const buffer = Buffer.alloc(Math.min(sealedChunk, total - position));
      readSync(fd, buffer, 0, buffer.byteLength, position);
      const decipher = createDecipheriv('aes-256-gcm', key, nonce(prefix, index, index === chunks - 1));
      decipher.setAAD(head);
      decipher.setAuthTag(buffer.subarray(buffer.byteLength - TAG_BYTES));
      const plain = decipher.update(buffer.subarray(0, buffer.byteLength - TAG_BYTES));
      try {
        decipher.final();
      } catch (error) {
        throw new SealedFileError(`chunk ${index} failed authentication`, { cause: error });
      }
      return plain;
    };
    return {
      size,
      read(position, length) {
        const end = Math.min(size, position + length);
        if (end <= position) {
          return Buffer.alloc(0);
        }
        const first = Math.floor(position / chunkSize);
        const last = Math.floor((end - 1) / chunkSize);
        const parts: Buffer[] = [];
        for (let i = first; i <= last; i++) {
          parts.push(chunk(i));
        }
        const start = position - first * chunkSize;
        return Buffer.concat(parts).subarray(start, start + (end - position));
      },
      close: () => closeSync(fd),
    };
  } catch (error) {
    closeSync(fd);
    throw error;
  }
}
