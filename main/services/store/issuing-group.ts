import type { AppError } from '../../../preload/contract/errors.ts';
import { isVanthuError } from '../../../preload/contract/vanthu-error.ts';
import type { IssuingStage } from '../../../preload/contract/issuing.ts';
import type { OutgoingDocument } from '../../../preload/contract/outgoing.ts';
import { getOutgoing } from './outgoing-service.ts';
import { beginOutput, recordOutput, stageFile, type OutputRecord } from './issuing.ts';
import type { StoreContext } from './store-context.ts';

export type Kept<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: AppError };

export interface KeepOutputs {
  /** Outputs whose files are now in the content store: record them (file row, state, audit). */
  readonly record: readonly OutputRecord[];
  /** Outputs about to be written into the content store: announce them first. */
  readonly begin: readonly OutputRecord[];
}

/**
 * Group commit for a batch (issue #15): a signing batch produces an output every few tens of
 * milliseconds, and two durable transactions per document (announce, record) made the store the
 * batch's bottleneck. Here one durable transaction records the outputs whose files were written
 * and announces the next ones; each document keeps its own order — announced, written, recorded —
 * so recovery finds whatever a crash leaves exactly as before. Each item runs in its own
 * savepoint: a document refused (its state changed meanwhile) is rolled back alone and answered
 * with its reason; anything else (a bug, the disk) fails the whole call and changes nothing.
 */
export function keepOutputs(
  ctx: StoreContext,
  request: KeepOutputs,
): { recorded: Array<Kept<OutgoingDocument>>; begun: Array<Kept<null>> } {
  const each = <T>(run: () => T): Kept<T> => {
    try {
      return { ok: true, value: ctx.db.transaction(run)() };
    } catch (error) {
      if (isVanthuError(error)) {
        return { ok: false, error: error.toAppError() };
      }
      throw error;
    }
  };
  return ctx.db
    .transaction(() => ({
      recorded: request.record.map((output) => each(() => recordOutput(ctx, output))),
      begun: request.begin.map((output) => each(() => (beginOutput(ctx, output), null))),
    }))
    .immediate();
}

/** A step's input as the store holds it: the document, and the file its previous stage recorded. */
export interface StepInput {
  readonly doc: OutgoingDocument;
  readonly stageSha256: string | null;
}

/**
 * Every input of a batch read at once (issue #15): one call for the batch instead of two per
 * document, each document answered alone (one not found does not refuse the others).
 */
export function stepInputs(ctx: StoreContext, ids: readonly string[], stage: IssuingStage): Array<Kept<StepInput>> {
  return ids.map((id) => {
    try {
      return { ok: true, value: { doc: getOutgoing(ctx, id), stageSha256: stageFile(ctx, id, stage) } };
    } catch (error) {
      if (isVanthuError(error)) {
        return { ok: false, error: error.toAppError() };
      }
      throw error;
    }
  });
}
