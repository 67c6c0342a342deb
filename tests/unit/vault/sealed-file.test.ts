import { randomBytes } from 'node:crypto';
import { closeSync, mkdtempSync, openSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  sealedSize,
  sealTo,
  SealedFileError,
  unsealEach,
  unsealFile,
} from '../../../main/services/cipher/sealed-file.ts';

const dir = mkdtempSync(join(tmpdir(), 'vanthu-sealed-'));

function seal(key: Buffer, plain: Buffer, name: string, chunkSize?: number): string {
  const path = join(dir, name);
  const fd = openSync(path, 'w');
  try {
    sealTo(key, { bytes: plain }, fd, undefined, chunkSize);
  } finally {
    closeSync(fd);
  }
  return path;
}

describe('sealed files (chunked AES-256-GCM)', () => {
  const key = randomBytes(32);

  it('round-trips empty, one-chunk, exact-multiple and multi-chunk files, with no plaintext on disk', () => {
    for (const size of [0, 1, 100, 1024, 4096, 10_000]) {
      const plain = Buffer.concat([Buffer.from('%PDF-1.7 trích yếu '), randomBytes(size)]);
      const path = seal(key, plain, `f-${size}`, 1024);
      expect(statSync(path).size).toBe(sealedSize(plain.byteLength, 1024));
      expect(readFileSync(path).includes(Buffer.from('%PDF'))).toBe(false);
      expect(unsealFile(key, path).equals(plain)).toBe(true);
    }
  });

  it('streams a 50 MB file from disk chunk by chunk', () => {
    const source = join(dir, 'big.src');
    const plain = randomBytes(50 * 1024 * 1024);
    writeFileSync(source, plain);
    const fd = openSync(source, 'r');
    const out = openSync(join(dir, 'big'), 'w');
    let largest = 0;
    try {
      sealTo(key, { fd, size: plain.byteLength }, out, (chunk) => (largest = Math.max(largest, chunk.byteLength)));
    } finally {
      closeSync(fd);
      closeSync(out);
    }
    expect(largest).toBe(64 * 1024);
    let total = 0;
    unsealEach(key, join(dir, 'big'), (chunk) => (total += chunk.byteLength));
    expect(total).toBe(plain.byteLength);
  });

  it('refuses a wrong key, a changed byte, a dropped last chunk and swapped chunks', () => {
    const plain = randomBytes(3000);
    const path = seal(key, plain, 'tamper', 1024);
    expect(() => unsealFile(randomBytes(32), path)).toThrow(SealedFileError);

    const bytes = readFileSync(path);
    const flipped = Buffer.from(bytes);
    flipped[100] = (flipped[100] ?? 0) ^ 1;
    writeFileSync(join(dir, 'flipped'), flipped);
    expect(() => unsealFile(key, join(dir, 'flipped'))).toThrow(SealedFileError);

    // Cut after the first two whole chunks: the new "last" chunk was not sealed as last.
    writeFileSync(join(dir, 'cut'), bytes.subarray(0, 15 + 2 * (1024 + 16)));
    expect(() => unsealFile(key, join(dir, 'cut'))).toThrow(SealedFileError);

    const a = bytes.subarray(15, 15 + 1040);
    const b = bytes.subarray(15 + 1040, 15 + 2080);
    writeFileSync(join(dir, 'swapped'), Buffer.concat([bytes.subarray(0, 15), b, a, bytes.subarray(15 + 2080)]));
    expect(() => unsealFile(key, join(dir, 'swapped'))).toThrow(SealedFileError);
  });
});
