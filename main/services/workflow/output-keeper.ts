import type { AppError } from '../../../preload/contract/errors.ts';
import type { OutgoingDocument } from '../../../preload/contract/outgoing.ts';
import { VanthuError } from '../../../preload/contract/vanthu-error.ts';
import { sha256Of, writeAttachmentFile } from '../store/attachments.ts';
import type { OutputRecord } from '../store/issuing.ts';
import type { keepOutputs } from '../store/issuing-group.ts';
import type { StoreCall } from '../store/store-client.ts';

interface Waiting {
  readonly record: OutputRecord;
  readonly bytes: Uint8Array;
  readonly resolve: (doc: OutgoingDocument) => void;
  readonly reject: (error: unknown) => void;
}

function refusal(error: AppError): VanthuError {
  return new VanthuError(error.code, error.message, {
    retryable: error.retryable,
    ...(error.details === undefined ? {} : { details: error.details }),
  });
}

/**
 * Keeps a step's checked outputs: announce, write into the content store, record — the order that
 * lets recovery find whatever a crash leaves. For a batch the store calls are shared: while one
 * call is in flight the outputs that arrive wait, and the next call records every output written
 * since and announces every output waiting, in one durable transaction (`issuing.keepOutputs`).
 * A quiet store gives about one transaction per document instead of two; a slow disk gives fewer
 * still, so the store stops being the pace of a batch. Each output resolves with its recorded
 * document, or rejects with its own reason.
 */
export function outputKeeper(
  store: StoreCall,
  filesDir: string,
): (output: Omit<OutputRecord, 'sha256' | 'size'>, bytes: Uint8Array) => Promise<OutgoingDocument> {
  let toBegin: Waiting[] = [];
  let toRecord: Waiting[] = [];
  let pumping = false;

  const pump = async (): Promise<void> => {
    pumping = true;
    try {
      while (toBegin.length > 0 || toRecord.length > 0) {
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
            waiting.reject(kept === undefined ? new Error('no answer for a recorded output') : refusal(kept.error));
          }
        });
        begin.forEach((waiting, i) => {
          const kept = answer.begun[i];
          if (kept?.ok !== true) {
            waiting.reject(kept === undefined ? new Error('no answer for an announced output') : refusal(kept.error));
            return;
          }
          try {
            // Announced and durable: only now may the bytes enter the content store.
            writeAttachmentFile(filesDir, waiting.bytes);
            toRecord.push(waiting);
          } catch (error) {
            waiting.reject(error);
          }
        });
      }
    } finally {
      pumping = false;
    }
  };

  return (output, bytes) =>
    new Promise<OutgoingDocument>((resolve, reject) => {
      const record: OutputRecord = { ...output, sha256: sha256Of(bytes), size: bytes.byteLength };
      toBegin.push({ record, bytes, resolve, reject });
      if (!pumping) {
        void pump();
      }
    });
}
