import { signFailure } from './fail.ts';

/** What an increment needs to know about the revision it extends. */
export interface XrefInfo {
  /** Offset of the last cross-reference section (becomes the increment's /Prev). */
  readonly startXref: number;
  /** Whether that section is a cross-reference stream (PDF 1.5) or a classic table. */
  readonly kind: 'table' | 'stream';
  /** The last trailer's /Size: new objects are numbered from here (pitfall P6). */
  readonly size: number;
}

const latin1 = new TextDecoder('latin1');

/**
 * Reads the tail of the file by hand rather than trusting pdf-lib: pdf-lib does not count the
 * object-stream and xref-stream objects, and has no notion of the last xref offset.
 */
export function readXrefInfo(bytes: Uint8Array): XrefInfo {
  const tail = latin1.decode(bytes.subarray(Math.max(0, bytes.length - 2048)));
  const match = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail) ?? /startxref\s+(\d+)\s+%%EOF[\s\S]*$/.exec(tail);
  if (match === null) {
    throw signFailure('PDF_MALFORMED', 'Không tìm thấy "startxref" ở cuối tệp (tệp bị cắt cụt?).');
  }
  const startXref = Number(match[1]);
  if (!Number.isSafeInteger(startXref) || startXref <= 0 || startXref >= bytes.length) {
    throw signFailure('PDF_MALFORMED', 'Vị trí bảng tham chiếu chéo nằm ngoài tệp.');
  }
  const head = latin1.decode(bytes.subarray(startXref, Math.min(bytes.length, startXref + 64)));
  if (head.startsWith('xref')) {
    // A classic table runs until its trailer; the table for one revision can be long.
    const rest = latin1.decode(bytes.subarray(startXref));
    const trailer = /trailer\s*<<([\s\S]*?)>>\s*startxref/.exec(rest) ?? /trailer\s*<<([\s\S]*)/.exec(rest);
    return { startXref, kind: 'table', size: readSize(trailer?.[1] ?? '') };
  }
  if (/^\d+\s+\d+\s+obj/.test(head)) {
    const dict = latin1.decode(bytes.subarray(startXref, Math.min(bytes.length, startXref + 4096)));
    const end = dict.indexOf('stream');
    if (!/\/Type\s*\/XRef/.test(dict.slice(0, end < 0 ? undefined : end))) {
      throw signFailure('PDF_MALFORMED', 'Vị trí "startxref" không trỏ tới bảng tham chiếu chéo.');
    }
    return { startXref, kind: 'stream', size: readSize(dict.slice(0, end < 0 ? undefined : end)) };
  }
  throw signFailure('PDF_MALFORMED', 'Vị trí "startxref" không trỏ tới bảng tham chiếu chéo.');
}

function readSize(dictText: string): number {
  const size = /\/Size\s+(\d+)/.exec(dictText);
  if (size === null) {
    throw signFailure('PDF_MALFORMED', 'Phần trailer thiếu /Size.');
  }
  return Number(size[1]);
}
