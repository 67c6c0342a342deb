import {
  checkDraft,
  checkNumbered,
  checkNumberedInput,
  checkSealed,
  checkSealedInput,
  checkSigned,
  checkSignedInput,
  type RecordNumber,
} from './chain-checks.ts';
import { readStoredFile } from './stored-file.ts';

/** What a step checks of its input, the previous step's stored output (chain-checks.ts). */
export type InputCheck = 'draft' | 'signed' | 'numbered' | 'sealed';
/** What a step checks of its own output against its input. */
export type OutputCheck = 'signed' | 'numbered' | 'sealed';

/**
 * The issuing chain's checks as a port: read a stage's stored file and check it as the next
 * step's input; check a step's output against its input. The work is parsing and hashing, tens
 * of milliseconds for a large file; the app runs it in a worker thread (chain-worker-client.ts)
 * beside the signing, the same functions run here in the caller's thread.
 */
export interface ChainChecker {
  /** The stored file, hash checked, then checked as `check`'s input; its bytes. */
  input(sha256: string, stage: string, check: InputCheck, record?: RecordNumber): Promise<Uint8Array>;
  output(check: OutputCheck, output: Uint8Array, input: Uint8Array, record?: RecordNumber): Promise<void>;
  /** Get ready for the first check now (a worker loads its code), so no step waits for it. */
  warm?(): void;
}

const NO_RECORD: RecordNumber = { soKyHieu: null, ngayBanHanh: null };

/** `sha256`: the stored file's name, its hash just checked. */
async function checkInput(bytes: Uint8Array, sha256: string, check: InputCheck, record: RecordNumber = NO_RECORD) {
  switch (check) {
    case 'draft':
      return checkDraft(bytes, sha256);
    case 'signed':
      return checkSignedInput(bytes, sha256);
    case 'numbered':
      return checkNumberedInput(bytes, record, sha256);
    case 'sealed':
      return checkSealedInput(bytes, record, sha256);
  }
}

async function checkOutput(
  check: OutputCheck,
  output: Uint8Array,
  input: Uint8Array,
  record: RecordNumber = NO_RECORD,
): Promise<void> {
  switch (check) {
    case 'signed':
      return checkSigned(output, input);
    case 'numbered':
      return checkNumbered(output, input, record);
    case 'sealed':
      return checkSealed(output, input, record);
  }
}

/** The checks in the calling thread (the worker runs this; so may a caller without one). */
export function localChainChecker(filesDir: string): ChainChecker {
  return {
    async input(sha256, stage, check, record) {
      const bytes = readStoredFile(filesDir, sha256, stage);
      await checkInput(bytes, sha256, check, record);
      return bytes;
    },
    output: checkOutput,
  };
}
