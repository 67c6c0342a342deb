import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { RangeDigests, type ByteRanges } from '../../../main/services/pdf/verify/range-digest.ts';

const bytes = new Uint8Array(Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 7919) % 251)));

function plain(algorithm: string, ranges: ByteRanges): string {
  const hash = createHash(algorithm);
  for (const [start, end] of ranges) {
    hash.update(bytes.subarray(start, end));
  }
  return hash.digest('hex');
}

describe('digests of byte ranges sharing their beginning', () => {
  it('equal a plain digest of the same bytes, whatever order the prefixes are asked in', () => {
    const digests = new RangeDigests(bytes);
    const asks: ByteRanges[] = [
      [
        [0, 3000],
        [3100, 3500],
      ], // a later signature first
      [
        [0, 1000],
        [1200, 2000],
      ], // then an earlier one: a shorter prefix than any kept
      [
        [0, 3000],
        [3100, 3500],
      ], // the same again, from its own checkpoint
      [[0, 5000]], // the whole file
      [
        [0, 2500],
        [2600, 2600],
      ], // between two checkpoints, an empty second range
      [
        [10, 400],
        [500, 900],
      ], // not from byte 0
      [],
    ];
    for (const algorithm of ['sha256', 'sha1', 'sha512']) {
      for (const ranges of asks) {
        expect(digests.digest(algorithm, ranges).toString('hex')).toBe(plain(algorithm, ranges));
      }
    }
  });

  it('gives content whose chunks are the ranges and whose digest is theirs', () => {
    const content = new RangeDigests(bytes).content([
      [0, 10],
      [20, 30],
    ]);
    expect(content.chunks.map((c) => Buffer.from(c).toString('hex'))).toEqual([
      Buffer.from(bytes.subarray(0, 10)).toString('hex'),
      Buffer.from(bytes.subarray(20, 30)).toString('hex'),
    ]);
    expect(content.digest('sha256').toString('hex')).toBe(
      plain('sha256', [
        [0, 10],
        [20, 30],
      ]),
    );
  });
});
