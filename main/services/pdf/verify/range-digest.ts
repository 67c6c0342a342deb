import { createHash, type Hash } from 'node:crypto';

/** Byte ranges of one file, [start, end) each, in order. */
export type ByteRanges = readonly (readonly [number, number])[];

/** What a signature or timestamp signs: its bytes, and their digest by any algorithm. */
export interface SignedContent {
  readonly chunks: readonly Uint8Array[];
  digest(algorithm: string): Buffer;
}

/** Bytes held apart from any file (a signature value a timestamp covers, a token's TSTInfo). */
export function detachedContent(chunks: readonly Uint8Array[]): SignedContent {
  return {
    chunks,
    digest: (algorithm) => {
      const hash = createHash(algorithm);
      for (const chunk of chunks) {
        hash.update(chunk);
      }
      return hash.digest();
    },
  };
}

interface Checkpoint {
  readonly pos: number;
  readonly hash: Hash;
}

const MAX_CHECKPOINTS = 64;

/**
 * Digests of byte ranges of one file, sharing the work their beginnings have in common. Every
 * signature of a file signs it from byte 0 up to its own /Contents, and the report's SHA-256
 * covers the whole file: hashed one by one, a file with two signatures was read three times
 * over, most of a verification's hashing. Here the hash state at the end of each first range
 * is kept (Node's `Hash.copy`), and a later digest starts from the nearest one at or before
 * its own first range's end. The bytes hashed are exactly the ranges asked for.
 */
export class RangeDigests {
  private readonly bytes: Uint8Array;
  private readonly checkpoints = new Map<string, Checkpoint[]>();

  constructor(bytes: Uint8Array) {
    this.bytes = bytes;
  }

  /** The ranges' bytes as content a signature signs, digested here. */
  content(ranges: ByteRanges): SignedContent {
    return {
      chunks: ranges.map(([start, end]) => this.bytes.subarray(start, end)),
      digest: (algorithm) => this.digest(algorithm, ranges),
    };
  }

  /** The digest (`algorithm` as Node names it) of the ranges' bytes one after the other. */
  digest(algorithm: string, ranges: ByteRanges): Buffer {
    const [first, ...rest] = ranges;
    if (first === undefined) {
      return createHash(algorithm).digest();
    }
    const hash = first[0] === 0 ? this.prefix(algorithm, first[1]) : this.hashed(createHash(algorithm), first);
    for (const range of rest) {
      this.hashed(hash, range);
    }
    return hash.digest();
  }

  /** A hash of bytes [0, end), started from the nearest checkpoint and leaving one at `end`. */
  private prefix(algorithm: string, end: number): Hash {
    let list = this.checkpoints.get(algorithm);
    if (list === undefined) {
      list = [];
      this.checkpoints.set(algorithm, list);
    }
    let from: Checkpoint | undefined;
    for (const c of list) {
      if (c.pos <= end && (from === undefined || c.pos > from.pos)) {
        from = c;
      }
    }
    const hash = from === undefined ? createHash(algorithm) : from.hash.copy();
    this.hashed(hash, [from?.pos ?? 0, end]);
    // None at the file's end: nothing longer can start from there.
    if (from?.pos !== end && end < this.bytes.length && list.length < MAX_CHECKPOINTS) {
      list.push({ pos: end, hash: hash.copy() });
    }
    return hash;
  }

  private hashed(hash: Hash, [start, end]: readonly [number, number]): Hash {
    return hash.update(this.bytes.subarray(start, end));
  }
}
