import type { OutboxJob } from '../outbox/outbox-store.ts';
import { backoffDelay, DEFAULT_BACKOFF } from './backoff.ts';
import { failureOf, type Failure } from './classify.ts';
import type { SyncEngineDeps } from './engine-deps.ts';
import { resolutionFor, runJob } from './jobs.ts';
import type { ServerRegistration } from './ports.ts';
import type { ServerLink } from './server-link.ts';
import type { StoredFailure } from './stored-failure.ts';

type SettleDeps = Pick<
  SyncEngineDeps,
  'api' | 'files' | 'outbox' | 'clock' | 'log' | 'backoff' | 'registrations' | 'onProgress' | 'onResult'
>;

export interface Settled {
  readonly outcome: 'sent' | 'retried' | 'failed';
  /** The worker's next job, claimed in the same commit as this one's success. */
  readonly next?: OutboxJob | undefined;
}

/** The server's registration in an ALREADY_REGISTERED answer, when it says which (it always should). */
function registrationIn(failure: Failure): ServerRegistration | null {
  const { soDen, year, ngayDen } = failure.details;
  if (typeof soDen !== 'number' || !Number.isInteger(soDen) || soDen < 1) {
    return null;
  }
  if (typeof year !== 'number' || !Number.isInteger(year)) {
    return null;
  }
  return typeof ngayDen === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(ngayDen)
    ? { soDen, year, ngayDen }
    : { soDen, year };
}

/**
 * Another workstation of our organization registered the document first: the server's number
 * wins (one entry per document in the organization's register), ours is given up, the job is done.
 */
async function adoptedElsewhere(deps: SettleDeps, job: OutboxJob, failure: Failure): Promise<boolean> {
  const sink = deps.registrations;
  if (sink === undefined || job.kind !== 'incoming.register' || failure.code !== 'ALREADY_REGISTERED') {
    return false;
  }
  const registration = registrationIn(failure);
  if (registration === null) {
    return false;
  }
  try {
    if (!(await sink.adopt(job.id, registration))) {
      return false;
    }
  } catch (error) {
    // The job must still be settled: it stays a conflict the user sees, as without the repair.
    deps.log.warn('sync.registration_adopt_failed', { jobId: job.id, error });
    return false;
  }
  deps.log.info('sync.registration_adopted', { jobId: job.id, soDen: registration.soDen });
  return true;
}

/** Run one job and record its outcome; a success also claims the worker's next job in the same commit. */
export async function settleJob(
  deps: SettleDeps,
  link: ServerLink,
  uploads: Map<string, Promise<void>>,
  job: OutboxJob,
): Promise<Settled> {
  const { outbox, clock, log } = deps;
  try {
    const response = await runJob(
      {
        api: deps.api,
        files: deps.files,
        uploads,
        onProgress: (sha256, done, total) => deps.onProgress?.({ direction: 'upload', sha256, done, total }),
      },
      job,
    );
    const [next] = await outbox.markDoneAndClaim(job.id, clock.now(), link.halted ? 0 : 1);
    link.succeeded();
    deps.onResult?.({ job, response });
    return { outcome: 'sent', next };
  } catch (error) {
    const failure = failureOf(error);
    if (await adoptedElsewhere(deps, job, failure)) {
      link.succeeded();
      return { outcome: 'sent' };
    }
    link.noteFailure(failure);
    if (failure.kind === 'conflict' || failure.kind === 'permanent') {
      const stored: StoredFailure = {
        kind: failure.kind,
        code: failure.code,
        message: failure.message,
        resolution: resolutionFor(failure.code),
      };
      await outbox.markFailed(job.id, JSON.stringify(stored), clock.now());
      log.warn('sync.job_failed', { jobId: job.id, kind: job.kind, code: failure.code, class: failure.kind });
      return { outcome: 'failed' };
    }
    const delay = backoffDelay(job.attempts, failure.retryAfterMs, deps.backoff ?? DEFAULT_BACKOFF);
    const next = new Date(clock.now().getTime() + delay);
    await outbox.markRetry(
      job.id,
      next,
      JSON.stringify({ kind: failure.kind, code: failure.code, message: failure.message }),
      clock.now(),
    );
    log.info('sync.job_retry', { jobId: job.id, kind: job.kind, code: failure.code, delayMs: delay });
    return { outcome: 'retried' };
  }
}
