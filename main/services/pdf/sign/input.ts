import { readFile, stat } from 'node:fs/promises';
import { signFailure } from './fail.ts';

/** ND30 workstations handle scans up to this size; larger files are refused before parsing. */
export const MAX_PDF_BYTES = 50 * 1024 * 1024;

/** Reads a PDF to sign, refusing missing, oversized and non-PDF files with a clear error. */
export async function readPdfInput(path: string): Promise<Uint8Array> {
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch {
    throw signFailure('FILE_NOT_FOUND', path, { path });
  }
  if (size > MAX_PDF_BYTES) {
    throw signFailure('FILE_TOO_LARGE', undefined, { path, size });
  }
  const bytes = new Uint8Array(await readFile(path));
  assertPdfBytes(bytes);
  return bytes;
}

export function assertPdfBytes(bytes: Uint8Array): void {
  if (bytes.length > MAX_PDF_BYTES) {
    throw signFailure('FILE_TOO_LARGE', undefined, { size: bytes.length });
  }
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  if (!head.includes('%PDF-')) {
    throw signFailure('PDF_MALFORMED', 'Thiếu phần đầu "%PDF-".');
  }
}
