import { existsSync, rmSync } from 'node:fs';
import { isVanthuError } from '../../../preload/contract/index.ts';
import type { Logger } from '../log/logger.ts';
import { attachmentPath, readAttachment, sha256Of } from '../store/attachments.ts';
import { STEP_INPUT, type PendingOutput } from '../store/issuing.ts';
import type { StoreCall } from '../store/store-client.ts';
import { checkNumbered, checkSealed, checkSigned } from './chain-checks.ts';

export interface RecoveryReport {
  readonly adopted: number;
  readonly cleaned: number;
}

export interface RecoveryDeps {
  readonly store: StoreCall;
  readonly filesDir: string;
  readonly scratchDir: string;
  readonly log: Logger;
}

/**
 * After a crash between "output written into the store" and "output recorded", the announced row
 * in `issuing_pending` names the file. The rule is deterministic: the output is ADOPTED (recorded
 * now, as the step would have) when its file is whole, the document still waits at that step on
 * the same input, and the output passes the step's own check; otherwise it is CLEANED (row
 * dropped, file deleted unless something else refers to it). Either way no signed file is left
 * that the record does not know, and a number reserved for the document stays with it.
 */
export async function recoverOutputs(deps: RecoveryDeps): Promise<RecoveryReport> {
  // Scratch files are a step's work in progress: never an output, always safe to drop.
  rmSync(deps.scratchDir, { recursive: true, force: true });
  let adopted = 0;
  let cleaned = 0;
  for (const pending of await deps.store('issuing.pending')) {
    if (await adoptable(deps, pending)) {
      await deps.store('issuing.recordOutput', pending);
      adopted += 1;
      deps.log.info('issuing.recovered', { id: pending.id, stage: pending.stage, outcome: 'adopted' });
      continue;
    }
    const { referenced } = await deps.store('issuing.dropPending', pending.id, pending.stage);
    if (!referenced) {
      rmSync(attachmentPath(deps.filesDir, pending.sha256), { force: true });
    }
    cleaned += 1;
    deps.log.info('issuing.recovered', { id: pending.id, stage: pending.stage, outcome: 'cleaned' });
  }
  return { adopted, cleaned };
}

async function adoptable(deps: RecoveryDeps, pending: PendingOutput): Promise<boolean> {
  const path = attachmentPath(deps.filesDir, pending.sha256);
  const fromPath = attachmentPath(deps.filesDir, pending.from);
  if (!existsSync(path) || !existsSync(fromPath)) {
    return false;
  }
  const bytes = readWhole(deps.filesDir, pending.sha256);
  if (bytes === null || sha256Of(bytes) !== pending.sha256) {
    return false;
  }
  const doc = await deps.store('outgoing.get', pending.id);
  if (doc.state !== STEP_INPUT[pending.stage].state || doc.fileSha256 !== pending.from) {
    return false;
  }
  const input = readWhole(deps.filesDir, pending.from);
  if (input === null) {
    return false;
  }
  try {
    if (pending.stage === 'da-ky') {
      await checkSigned(bytes, input);
    } else if (pending.stage === 'da-cap-so') {
      await checkNumbered(bytes, input, doc);
    } else {
      await checkSealed(bytes, input, doc);
    }
    return true;
  } catch (error) {
    if (!isVanthuError(error)) {
      throw error;
    }
    return false;
  }
}

/** A stored file's plaintext through the file store (decrypted when sealed), or null when it does not open. */
function readWhole(filesDir: string, sha256: string): Uint8Array | null {
  try {
    return new Uint8Array(readAttachment(filesDir, sha256));
  } catch (error) {
    if (!isVanthuError(error)) {
      throw error;
    }
    return null;
  }
}
