import type { UserProfilePatch } from '../../../preload/contract/organizations.ts';
import { profileRoleOf } from '../../domain/office-steps.ts';
import type { Notifier } from '../notices/notifier.ts';
import type { Logger } from '../log/logger.ts';
import { createPeopleService, type PeopleService, type SignedInPerson } from '../people/people-service.ts';
import type { StoreCall } from '../store/store-client.ts';
import type { ApiClient } from '../sync/api-client.ts';
import { createAttachmentFileSink } from '../sync/file-sink.ts';
import { createOfficeHandoff, type OfficeHandoff } from './office-handoff.ts';
import { createOfficeInbox, type OfficeInbox, type OfficeInboxStorePort } from './office-inbox.ts';
import { createOfficeService, type OfficeService, type OfficeStorePort } from './office-service.ts';

/** The workstation profile follows the signed-in person, so the issuing chain's role checks (roles.ts) are theirs. */
export function profileFor(person: SignedInPerson): UserProfilePatch {
  return {
    hoTen: person.fullName.slice(0, 50),
    chucVu: person.chucVu.slice(0, 100),
    role: profileRoleOf(person.roles),
  };
}

export interface Office {
  readonly people: PeopleService;
  readonly office: OfficeService;
  readonly inbox: OfficeInbox;
  /** A draft or a received document sent from its own screen to a named leader. */
  readonly handoff: OfficeHandoff;
}

/**
 * The office for the app: people sign in through the sync client (one session per workstation),
 * steps go to the store worker (which drains the outbox when their jobs are queued), a sign-in wakes
 * a whole sync round, and the person's inbox is long-polled by the background. `notifier` is
 * Electron's or the browser shell's; the CLI and headless runs pass `silentNotifier`.
 */
export function composeOffice(deps: {
  readonly store: StoreCall;
  readonly api: () => ApiClient;
  readonly filesDir: string;
  readonly notifier: Notifier;
  /** Send queued work now, and only that (SyncService.drainNow): what a step needs. */
  readonly drain: () => void;
  /** A whole round now (SyncService.wake): pulls included, what a sign-in needs. */
  readonly wake: () => void;
  readonly log: Logger;
}): Office {
  const { store } = deps;
  const people = createPeopleService({
    api: deps.api,
    log: deps.log,
    store: {
      rememberPerson: (person, verifier, colleagues) => store('people.remember', person, verifier, colleagues),
      localPerson: (username) => store('people.local', username),
      colleaguesWith: (maDinhDanh, role) => store('people.colleagues', maDinhDanh, role),
    },
    onChange: (person) => {
      if (person !== null) {
        void store('profile.update', profileFor(person)).catch((error: unknown) =>
          deps.log.warn('office.profile_failed', { error }),
        );
      }
      // A new person has their own inbox: end the previous one's wait at once.
      inbox.wake();
      // A session is what a sleeping sync round lacked (the trục's arrivals, queued steps): run one now,
      // not at the next poll. A round, not a drain: a drain sends the outbox and pulls nothing.
      if (person !== null) {
        deps.wake();
      }
    },
  });
  const officeStore: OfficeStorePort & OfficeInboxStorePort = {
    recordStep: (input) => store('office.recordStep', input),
    officeQueue: (username) => store('office.queue', username),
    refusedSteps: (username) => store('office.refused', username),
    officeCase: (caseId) => store('office.case', caseId),
    officeCursor: (username) => store('office.cursor', username),
    applyOfficeInbox: (username, items, next) => store('office.applyInbox', username, items, next),
    missingOfficeFiles: (username) => store('office.missingFiles', username),
    markOfficeFilesReady: (username) => store('office.markFilesReady', username),
  };
  const office = createOfficeService({
    person: () => people.current(),
    store: officeStore,
    wake: deps.drain,
    log: deps.log,
  });
  const inbox = createOfficeInbox({
    api: deps.api,
    store: officeStore,
    files: createAttachmentFileSink(deps.filesDir),
    person: () => people.current()?.username ?? null,
    notifier: deps.notifier,
    log: deps.log,
    // The trục's arrivals are the văn thư's work: their long-poll also hears of them, and a whole
    // round (which pulls the trục inbox) runs at once. Other people's workstations get them at the poll.
    truc: {
      watching: () => people.current()?.roles.includes('van-thu') ?? false,
      cursor: () => store('sync.inboxCursor'),
      arrived: deps.wake,
    },
  });
  const handoff = createOfficeHandoff({
    office,
    outgoing: (id) => store('outgoing.get', id),
    issuingFiles: (id) => store('issuing.files', id),
    incoming: (id) => store('incoming.get', id),
    caseOf: (documentId) => store('office.caseOfOutgoing', documentId),
    markSubmitted: (id) => store('outgoing.submit', id),
    markPresented: (id, note) => store('incoming.transition', id, 'da-trinh', note),
  });
  return { people, office, inbox, handoff };
}
