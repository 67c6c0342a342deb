import type { InspectRequest, Inspection } from './inspect-file.ts';

/** What the inspection worker is started with: the profile's folders the verifier keeps data in. */
export interface InspectWorkerData {
  readonly cacheDir: string;
  readonly evidenceDir: string;
  /** The content store and, for an encrypted profile, its key: stored files are sealed there. */
  readonly filesDir: string;
  readonly profileKey?: Uint8Array;
}

export type InspectWorkerRequest = {
  readonly type: 'inspect';
  readonly id: number;
  readonly request: InspectRequest;
  /** The trust store as the settings say now (they may change while the worker lives). */
  readonly trustPaths: readonly string[];
};

export type InspectWorkerMessage =
  | { readonly type: 'done'; readonly id: number; readonly inspection: Inspection }
  | { readonly type: 'failed'; readonly id: number; readonly message: string }
  | {
      readonly type: 'log';
      readonly level: 'debug' | 'info' | 'warn' | 'error';
      readonly event: string;
      readonly fields?: Record<string, unknown>;
    };
