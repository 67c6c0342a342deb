import type { AppErrorShape } from '../../../preload/contract/vanthu-error.ts';
import type { InputCheck, OutputCheck } from './chain-checker.ts';
import type { RecordNumber } from './chain-checks.ts';

/** The chain worker starts with the content store's folder and, in an encrypted profile, its key. */
export interface ChainWorkerData {
  readonly filesDir: string;
  readonly profileKey?: Uint8Array;
}

export type ChainWorkerRequest =
  | {
      readonly type: 'input';
      readonly id: number;
      readonly sha256: string;
      readonly stage: string;
      readonly check: InputCheck;
      readonly record?: RecordNumber;
    }
  | {
      readonly type: 'output';
      readonly id: number;
      readonly check: OutputCheck;
      readonly output: Uint8Array;
      readonly input: Uint8Array;
      readonly record?: RecordNumber;
    };

export type ChainWorkerAnswer =
  | { readonly type: 'done'; readonly id: number; readonly bytes?: Uint8Array }
  | { readonly type: 'refused'; readonly id: number; readonly error: AppErrorShape };
