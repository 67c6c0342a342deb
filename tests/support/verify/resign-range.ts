import { createHash } from 'node:crypto';

export type ByteRange = readonly [number, number, number, number];

/** Where the (single, last) signature's ByteRange text and /Contents string are in a signed file. */
export function signaturePlaces(bytes: Uint8Array): {
  readonly range: ByteRange;
  readonly rangeAt: number;
  readonly rangeWidth: number;
  readonly contentsStart: number;
  readonly contentsEnd: number;
} {
  const text = Buffer.from(bytes).toString('latin1');
  const rangeAt = text.lastIndexOf('/ByteRange');
  const m = /^\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]\s*/.exec(text.slice(rangeAt));
  const contentsStart = text.indexOf('<', text.indexOf('/Contents', rangeAt));
  if (m === null || contentsStart < 0) {
    throw new Error('no signature to re-sign');
  }
  // The placeholder is padded with spaces; everything up to /Contents may be rewritten.
  const rangeWidth = text.indexOf('/Contents', rangeAt) - rangeAt;
  return {
    range: [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4])],
    rangeAt,
    rangeWidth,
    contentsStart,
    contentsEnd: text.indexOf('>', contentsStart) + 1,
  };
}

/**
 * The file with its last signature's ByteRange replaced by `range` and a fresh CMS over exactly
 * those bytes, made by `makeCms` from their SHA-256. So a test gets a signature that is
 * cryptographically right for whatever ByteRange it wants to study (one leaving bytes out, say).
 */
export async function resignWithRange(
  bytes: Uint8Array,
  range: ByteRange | ((current: ByteRange) => ByteRange),
  makeCms: (digest: Uint8Array) => Promise<Uint8Array>,
): Promise<Uint8Array> {
  const places = signaturePlaces(bytes);
  const next = typeof range === 'function' ? range(places.range) : range;
  const out = Buffer.from(bytes);
  const rangeText = `/ByteRange [${next.join(' ')}]`.padEnd(places.rangeWidth, ' ');
  if (rangeText.length > places.rangeWidth) {
    throw new Error('ByteRange does not fit');
  }
  out.write(rangeText, places.rangeAt, 'latin1');
  const digest = createHash('sha256')
    .update(out.subarray(next[0], next[0] + next[1]))
    .update(out.subarray(next[2], next[2] + next[3]))
    .digest();
  const hex = Buffer.from(await makeCms(digest))
    .toString('hex')
    .toUpperCase();
  const capacity = places.contentsEnd - places.contentsStart - 2;
  if (hex.length > capacity) {
    throw new Error('CMS larger than the placeholder');
  }
  out.write(hex.padEnd(capacity, '0'), places.contentsStart + 1, 'latin1');
  return new Uint8Array(out);
}
