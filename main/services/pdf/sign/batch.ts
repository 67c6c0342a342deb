import type { AppError } from '../../../../preload/contract/errors.ts';
import { isVanthuError } from '../../../../preload/contract/vanthu-error.ts';
import { assertPdfBytes, readPdfInput } from './input.ts';

export interface BatchItem {
  /** The input's name in results and progress; read from disk only when `bytes` is absent. */
  readonly inPath: string;
  readonly outPath: string;
  /** The input already in memory (a stored file read through the file store, decrypted). */
  readonly bytes?: Uint8Array;
  /** The input as its caller reads and checks it, awaited at the item's turn (before `inPath`). */
  readonly load?: () => Promise<Uint8Array>;
}

export interface BatchProgress {
  readonly done: number;
  readonly total: number;
  /** The file being worked on, or undefined once all are done. */
  readonly current: string | undefined;
}

export type BatchItemResult<T> =
  | { readonly inPath: string; readonly outPath: string; readonly ok: true; readonly value: T }
  | { readonly inPath: string; readonly outPath: string; readonly ok: false; readonly error: AppError };

async function inputBytes(item: BatchItem): Promise<Uint8Array> {
  const bytes = item.bytes ?? (await item.load?.());
  if (bytes === undefined) {
    return readPdfInput(item.inPath);
  }
  assertPdfBytes(bytes);
  return bytes;
}

/**
 * Runs one operation over many files with the same signer (one token login for the whole
 * batch), one at a time, reporting progress; a bad file gets its error and the batch goes on.
 */
export async function runBatch<T>(
  items: readonly BatchItem[],
  operation: (bytes: Uint8Array, outPath: string) => Promise<T>,
  onProgress: (progress: BatchProgress) => void = () => undefined,
): Promise<Array<BatchItemResult<T>>> {
  const results: Array<BatchItemResult<T>> = [];
  for (const [index, item] of items.entries()) {
    onProgress({ done: index, total: items.length, current: item.inPath });
    try {
      const bytes = await inputBytes(item);
      results.push({
        inPath: item.inPath,
        outPath: item.outPath,
        ok: true,
        value: await operation(bytes, item.outPath),
      });
    } catch (error) {
      results.push({ inPath: item.inPath, outPath: item.outPath, ok: false, error: toAppError(error) });
    }
  }
  onProgress({ done: items.length, total: items.length, current: undefined });
  return results;
}

function toAppError(error: unknown): AppError {
  if (isVanthuError(error)) {
    return error.toAppError();
  }
  // Not an expected failure: keep the batch going but say it is a bug.
  return { code: 'INTERNAL', message: error instanceof Error ? error.message : String(error), retryable: false };
}
