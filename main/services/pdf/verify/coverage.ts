import type { SignatureReport } from '../../../../preload/contract/verify.ts';
import type { SignatureDict } from './locate.ts';

/** Does the file's prefix of `end` bytes end a revision (its %%EOF, then at most white-space or NUL padding)? */
function endsRevision(bytes: Uint8Array, end: number): boolean {
  const tail = Buffer.from(bytes.subarray(Math.max(0, end - 64), end)).toString('latin1');
  return /%%EOF[\s\0]*$/.test(tail);
}

/**
 * What a signature's ByteRange covers (ISO 32000-1 §12.8.1): the whole file; an earlier
 * revision that later incremental updates extend; or only part of its own revision, when bytes
 * other than the /Contents string are left out (the start of the file, more than the string, or
 * the end of the update that holds the signature). Only the first two can be relied on.
 */
export function coverageOf(sig: SignatureDict, bytes: Uint8Array): SignatureReport['coverage'] {
  const end = sig.byteRange[2] + sig.byteRange[3];
  if (!sig.exactHole) {
    return 'partial';
  }
  if (end === bytes.length) {
    return 'whole';
  }
  return endsRevision(bytes, end) ? 'revision' : 'partial';
}
