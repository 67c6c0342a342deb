const MAX_REVISIONS = 256;

/** White-space as the regular expression `\s` has it in Latin-1 (what a writer may put there). */
function isSpace(c: number | undefined): boolean {
  return c !== undefined && ((c >= 9 && c <= 13) || c === 32 || c === 0xa0);
}

function isDigit(c: number | undefined): boolean {
  return c !== undefined && c >= 48 && c <= 57;
}

const EOF_MARK = Buffer.from('%%EOF', 'latin1');

/** Where "startxref n %%EOF" with its end-of-line ends when it begins at `at`, else -1. */
function updateEndAt(b: Buffer, at: number): number {
  let p = at + 'startxref'.length;
  const run = (test: (c: number | undefined) => boolean): boolean => {
    const from = p;
    while (test(b[p])) {
      p++;
    }
    return p > from;
  };
  if (
    !run(isSpace) ||
    !run(isDigit) ||
    !run(isSpace) ||
    p + 5 > b.length ||
    b.compare(EOF_MARK, 0, 5, p, p + 5) !== 0
  ) {
    return -1;
  }
  p += 5;
  // One end-of-line at most: CR LF, CR or LF.
  if (b[p] === 13) {
    p += b[p + 1] === 10 ? 2 : 1;
  } else if (b[p] === 10) {
    p++;
  }
  return p;
}

/**
 * Where the incremental updates after byte `after` end: each "startxref n %%EOF" (with its
 * end-of-line), then the end of the file. A "%%EOF" not right after a startxref is not counted,
 * so the same marker inside a stream (an embedded PDF) does not make a revision. Searched in the
 * bytes (no Latin-1 copy of the whole file per signature).
 */
export function laterRevisionEnds(bytes: Uint8Array, after: number): number[] {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const ends: number[] = [];
  let from = Math.max(0, after - 64);
  for (let at = b.indexOf('startxref', from, 'latin1'); at >= 0 && ends.length < MAX_REVISIONS;) {
    const end = updateEndAt(b, at);
    if (end > after && end < bytes.length) {
      ends.push(end);
    }
    from = end < 0 ? at + 1 : end;
    at = b.indexOf('startxref', from, 'latin1');
  }
  ends.push(bytes.length);
  return ends;
}
