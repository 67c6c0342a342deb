import { RegistrationAnswerSchema } from '../../../preload/contract/wire/documents.ts';
import type { Logger } from '../log/logger.ts';
import { parseJobPayload } from '../outbox/jobs.ts';
import type { JobResult } from './jobs.ts';

/**
 * A registration sent with a provisional number comes back with the server's final one: the
 * store replaces it (the provisional one stays in the audit).
 */
export function finalizeProvisional(
  finalize: (documentId: string, soDen: number) => Promise<unknown> | unknown,
  log: Logger,
): (result: JobResult) => void {
  return ({ job, response }) => {
    if (job.kind !== 'incoming.register') {
      return;
    }
    const answer = RegistrationAnswerSchema.safeParse(response);
    const soDen = answer.success ? answer.data.soDen : undefined;
    const payload = parseJobPayload('incoming.register', job.payload);
    if (payload.soDen === null && typeof soDen === 'number') {
      void Promise.resolve()
        .then(() => finalize(payload.documentId, soDen))
        .catch((error: unknown) => log.warn('sync.finalize_failed', { documentId: payload.documentId, error }));
    }
  };
}
