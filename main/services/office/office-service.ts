import { randomUUID } from 'node:crypto';
import { errorMessageVi, VanthuError } from '../../../preload/contract/index.ts';
import { StepBodySchema, type StepBody } from '../../../preload/contract/office.ts';
import { PERSON_ROLE_LABEL_VI, personCan, STEP_LABEL_VI, STEP_ROLES } from '../../domain/office-steps.ts';
import type { Logger } from '../log/logger.ts';
import type { SignedInPerson } from '../people/people-service.ts';
import type { Awaitable } from '../sync/ports.ts';
import { describeConflict, type OfficeConflict } from '../../domain/office-conflicts.ts';
import type { LocalStep, QueueEntry } from '../store/office-store.ts';
import type { officeCase, refusedSteps } from '../store/office-store.ts';

/** The store's side of the office (office-store.ts), synchronous or through the store worker. */
export interface OfficeStorePort {
  recordStep(input: LocalStep): Awaitable<{ stepId: string; caseState: string }>;
  officeQueue(username: string): Awaitable<QueueEntry[]>;
  refusedSteps(username: string): Awaitable<ReturnType<typeof refusedSteps>>;
  officeCase(caseId: string): Awaitable<ReturnType<typeof officeCase>>;
}

export interface OfficeService {
  /** A new case id for a journey this workstation starts (a draft; a document not from the trục). */
  newCaseId(): string;
  /**
   * Take one step as the signed-in person: their role is checked here (and again by the server),
   * then the step and its outbox job are written in one transaction and sync is woken.
   */
  take(
    caseId: string,
    step: StepBody,
    links?: { readonly outgoingId?: string },
  ): Promise<{ stepId: string; caseState: string }>;
  queue(): Promise<QueueEntry[]>;
  /** The person's refused steps, in plain Vietnamese, with what can be done; their work is kept. */
  conflicts(): Promise<OfficeConflict[]>;
  case(caseId: string): Promise<ReturnType<typeof officeCase>>;
}

export interface OfficeDeps {
  readonly person: () => SignedInPerson | null;
  readonly store: OfficeStorePort;
  /** Sends the step now (SyncService.drainNow), not at the loop's next round. */
  readonly wake: () => void;
  readonly log: Logger;
}

function signedIn(deps: OfficeDeps): SignedInPerson {
  const person = deps.person();
  if (person === null) {
    throw new VanthuError('SYNC_AUTH', errorMessageVi('SYNC_AUTH', 'Chưa đăng nhập.'));
  }
  return person;
}

export function createOfficeService(deps: OfficeDeps): OfficeService {
  return {
    newCaseId: () => randomUUID(),
    async take(caseId, input, links) {
      const person = signedIn(deps);
      const parsed = StepBodySchema.safeParse(input);
      if (!parsed.success || !/^[A-Za-z0-9._:-]{1,100}$/.test(caseId)) {
        throw new VanthuError('INVALID_INPUT', errorMessageVi('INVALID_INPUT', parsed.error?.issues[0]?.message ?? ''));
      }
      const step = parsed.data;
      if (!personCan(person.roles, step.kind)) {
        const allowed = STEP_ROLES[step.kind].map((role) => PERSON_ROLE_LABEL_VI[role]).join(', ');
        throw new VanthuError(
          'ROLE_NOT_ALLOWED',
          errorMessageVi('ROLE_NOT_ALLOWED', `Chỉ ${allowed} được ${STEP_LABEL_VI[step.kind]}.`),
          { details: { roles: person.roles, step: step.kind } },
        );
      }
      const result = await deps.store.recordStep({
        caseId,
        actor: { username: person.username, fullName: person.fullName },
        step,
        ...(links?.outgoingId === undefined ? {} : { outgoingId: links.outgoingId }),
      });
      deps.log.info('office.step', { caseId, step: step.kind, stepId: result.stepId });
      deps.wake();
      return result;
    },
    async queue() {
      return deps.store.officeQueue(signedIn(deps).username);
    },
    async conflicts() {
      return (await deps.store.refusedSteps(signedIn(deps).username)).map(describeConflict);
    },
    async case(caseId) {
      return deps.store.officeCase(caseId);
    },
  };
}
