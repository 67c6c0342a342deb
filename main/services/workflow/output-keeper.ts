import type { OutgoingDocument } from '../../../preload/contract/outgoing.ts';
import { VanthuError } from '../../../preload/contract/vanthu-error.ts';
import { sha256Of, writeAttachmentFileAsync } from '../store/attachments.ts';
import type { OutputRecord } from '../store/issuing.ts';
import type { keepOutputs } from '../store/issuing-group.ts';
import type { StoreCall } from '../store/store-client.ts';

interface Waiting {
  readonly record: OutputRecord;
  readonly bytes: Uint8Array;
  /** Kept outside a batch (one cấp số, one seal): committed at once, never held for a group. */
  readonly eager: boolean;
  readonly resolve: (doc: OutgoingDocument) => void;
  readonly reject: (error: unknown) => void;
}

/**
 * How many outputs of a held batch share one durable transaction. Each commit of the encrypted
 * store costs a few milliseconds of the store worker (pages sealed, WAL written and fsynced), a
 * per-document commit made it most of the batch's extra CPU (ui-batch-phases, issue #15); a
 * crash loses at most this many signatures not yet announced, which the leader signs again.
 */
export const OUTPUT_GROUP = 16;

export interface OutputKeeper {
  /**
   * Announce, write into the content store, record; resolves with the recorded document. A
   * `grouped` output (one of a batch's) may wait for its group while the keeper is held.
   */
  keep(
    output: Omit<OutputRecord, 'sha256' | 'size'>,
    bytes: Uint8Array,
    grouped?: boolean,
    /** The bytes' SHA-256 as the signing engine computed it from them (not hashed again). */
    sha256?: string,
  ): Promise<OutgoingDocument>;
  /** While held (a signing batch runs), grouped outputs wait until a group is full; the release commits what waits. */
  hold(): () => void;
}

/**
 * Keeps a step's checked outputs: announce, write into the content store, record — the order that
 * lets recovery find whatever a crash leaves. The store calls are shared: one durable transaction
 * (`issuing.keepOutputs`) records every output written since the last one and announces every
 * output waiting. Outside a batch an output is committed at once (a commit in flight makes the
 * next ones wait and share the following commit); during a held batch outputs gather until
 * OUTPUT_GROUP of them wait or the batch ends, so 100 documents take a handful of commits instead
 * of a hundred. Each output resolves with its recorded document, or rejects with its own reason.
 */
export function outputKeeper(store: StoreCall, filesDir: string): OutputKeeper {
  let toBegin: Waiting[] = [];
  let toRecord: Waiting[] = [];
  let pumping = false;
  let holds = 0;

  const due = (): boolean =>
    toBegin.length >= OUTPUT_GROUP ||
    toBegin.some((w) => w.eager) ||
    toRecord.some((w) => w.eager) ||
    (holds === 0 && (toBegin.length > 0 || toRecord.length > 0));

  const pump = async (): Promise<void> => {
    pumping = true;
    try {
      while (due()) {
        const begin = toBegin;
        const record = toRecord;
        toBegin = [];
        toRecord = [];
        let answer: ReturnType<typeof keepOutputs>;
        try {
          answer = await store('issuing.keepOutputs', {
            record: record.map((w) => w.record),
            begin: begin.map((w) => w.record),
          });
        } catch (error) {
          for (const waiting of [...record, ...begin]) {
            waiting.reject(error);
          }
          continue;
        }
        record.forEach((waiting, i) => {
          const kept = answer.recorded[i];
          if (kept?.ok === true) {
            waiting.resolve(kept.value);
          } else {
            waiting.reject(
              kept === undefined ? new Error('no answer for a recorded output') : VanthuError.fromAppError(kept.error),
            );
          }
        });
        // Announced and durable: only now may the bytes enter the content store. One file at a
        // time: its fsyncs wait in libuv's small thread pool, which the signing engine's own file
        // calls share, and a whole group's fsyncs at once there stalled the signing.
        for (const [i, waiting] of begin.entries()) {
          const kept = answer.begun[i];
          if (kept?.ok !== true) {
            waiting.reject(
              kept === undefined
                ? new Error('no answer for an announced output')
                : VanthuError.fromAppError(kept.error),
            );
            continue;
          }
          try {
            await writeAttachmentFileAsync(filesDir, waiting.bytes, waiting.record.sha256);
            toRecord.push(waiting);
          } catch (error) {
            waiting.reject(error);
          }
        }
      }
    } finally {
      pumping = false;
    }
  };
  const kick = (): void => {
    if (!pumping && due()) {
      void pump();
    }
  };

  return {
    keep: (output, bytes, grouped = false, sha256 = sha256Of(bytes)) =>
      new Promise<OutgoingDocument>((resolve, reject) => {
        const record: OutputRecord = { ...output, sha256, size: bytes.byteLength };
        toBegin.push({ record, bytes, eager: !grouped, resolve, reject });
        kick();
      }),
    hold() {
      holds += 1;
      let released = false;
      return () => {
        if (!released) {
          released = true;
          holds -= 1;
          kick();
        }
      };
    },
  };
}
