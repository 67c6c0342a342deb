const MAX_REVISIONS = 256;

/**
 * Where the incremental updates after byte `after` end: each "startxref n %%EOF" (with its
 * end-of-line), then the end of the file. A "%%EOF" not right after a startxref is not counted,
 * so the same marker inside a stream (an embedded PDF) does not make a revision.
 */
export function laterRevisionEnds(bytes: Uint8Array, after: number): number[] {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  const re = /startxref\s+\d+\s+%%EOF(\r\n|\r|\n)?/g;
  re.lastIndex = Math.max(0, after - 64);
  const ends: number[] = [];
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null && ends.length < MAX_REVISIONS) {
    const end = m.index + m[0].length;
    if (end > after && end < bytes.length) {
      ends.push(end);
    }
  }
  ends.push(bytes.length);
  return ends;
}
