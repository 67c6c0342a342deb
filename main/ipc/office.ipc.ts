import type { Services } from './services.ts';
import type { HandlerTable } from './dispatch.ts';

type OfficeChannels =
  | 'people.signIn'
  | 'people.current'
  | 'people.signOut'
  | 'people.colleagues'
  | 'office.take'
  | 'office.submitDraft'
  | 'office.present'
  | 'office.queue'
  | 'office.conflicts'
  | 'office.case';

/** The office (#16): sign-in, steps and the person's queue; roles are checked in the services, not here. */
export function officeHandlers(services: Services): Pick<HandlerTable, OfficeChannels> {
  const { people, office, handoff } = services.office;
  return {
    'people.signIn': ({ username, password }) => people.signIn(username, password),
    'people.current': async () => people.current(),
    'people.signOut': async () => {
      people.signOut();
      return null;
    },
    'people.colleagues': ({ role }) => people.colleagues(role),
    'office.take': async ({ caseId, step }) => {
      const id = caseId ?? office.newCaseId();
      return { caseId: id, ...(await office.take(id, step)) };
    },
    'office.submitDraft': ({ id, to, via, note }) => handoff.submitDraft({ id, to, via, note }),
    'office.present': ({ id, to, note }) => handoff.present({ id, to, note }),
    'office.queue': () => office.queue(),
    'office.conflicts': () => office.conflicts(),
    'office.case': ({ caseId }) => office.case(caseId),
  };
}
