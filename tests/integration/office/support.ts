import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Database } from 'better-sqlite3';
import type { DesktopNotice, Notifier } from '../../../main/services/notices/notifier.ts';
import { silentLogger } from '../../../main/services/log/logger.ts';
import { createOfficeInbox, type OfficeInbox } from '../../../main/services/office/office-inbox.ts';
import { createOfficeService, type OfficeService } from '../../../main/services/office/office-service.ts';
import { profileFor } from '../../../main/services/office/compose-office.ts';
import { officeStoreOn } from '../../../main/services/store/office-store.ts';
import { createPeopleService, type PeopleService } from '../../../main/services/people/people-service.ts';
import { peopleStoreOn } from '../../../main/services/store/people-store.ts';
import { attachmentPath } from '../../../main/services/store/attachments.ts';
import { openDatabase } from '../../../main/services/store/open-database.ts';
import { createStore, type StoreApi } from '../../../main/services/store/store.ts';
import { ApiClient } from '../../../main/services/sync/api-client.ts';
import { SyncEngine } from '../../../main/services/sync/engine.ts';
import { createAttachmentFileSink } from '../../../main/services/sync/file-sink.ts';
import type { SyncClock } from '../../../main/services/sync/ports.ts';
import { createStoreInboxSink } from '../../../main/services/store/store-sinks.ts';
import { createAxiosTransport } from '../../../main/services/sync/transport.ts';
import { DEMO_PASSWORD } from '../../../server/seed.ts';
import { testNow } from '../../support/clock/clock.ts';
import { startServer, tempDir, virtualClock } from '../sync/support.ts';

/** One person's workstation: its own profile (database, files), its own session, the same services as the app. */
export interface OfficeWorkstation {
  readonly db: Database;
  readonly store: StoreApi;
  readonly filesDir: string;
  readonly api: ApiClient;
  readonly engine: SyncEngine;
  readonly people: PeopleService;
  readonly office: OfficeService;
  readonly inbox: OfficeInbox;
  readonly notices: DesktopNotice[];
  /** How many times the office asked sync to wake (a step was queued). */
  wakes(): number;
  putFile(bytes: Buffer): string;
}

const opened: Database[] = [];

export function closeOfficeWorkstations(): void {
  for (const db of opened.splice(0)) {
    if (db.open) {
      db.close();
    }
  }
}

export function openOfficeWorkstation(options: {
  url: string;
  maDinhDanh: string;
  clock: SyncClock;
  /** Pull the trục inbox too (the văn thư's workstation). */
  truc?: boolean;
  dir?: string;
  waitSeconds?: number;
}): OfficeWorkstation {
  const dir = options.dir ?? tempDir('office-ws');
  const db = openDatabase(join(dir, 'vanthu.sqlite'));
  opened.push(db);
  const filesDir = join(dir, 'files');
  const store = createStore({ db, filesDir, maDinhDanh: options.maDinhDanh, clock: () => options.clock.now() });
  // No stored credentials: the session is the person's, from their sign-in (and its refresh token).
  const api = new ApiClient(
    createAxiosTransport({ baseUrl: options.url, timeoutMs: 20_000 }),
    () => null,
    () => options.clock.now(),
  );
  const trucInbox = createStoreInboxSink(store.context);
  const engine = new SyncEngine({
    api,
    outbox: store.context.outbox,
    files: { pathOf: (sha256) => attachmentPath(filesDir, sha256) },
    ...(options.truc === true
      ? {
          inbox: {
            sink: {
              cursor: () => trucInbox.inboxCursor(),
              apply: (items, next) => {
                trucInbox.applyInbox(items, next);
              },
            },
            files: createAttachmentFileSink(filesDir),
          },
        }
      : {}),
    clock: options.clock,
    log: silentLogger,
    backoff: { baseMs: 20, capMs: 200 },
  });
  const notices: DesktopNotice[] = [];
  const notifier: Notifier = { notify: (notice) => notices.push(notice) };
  const people = createPeopleService({
    api: () => api,
    store: peopleStoreOn(store.context),
    log: silentLogger,
    // As composeOffice wires it: the profile (and the issuing chain's role checks) follow the person.
    onChange: (person) => {
      if (person !== null) {
        store.updateProfile(profileFor(person));
      }
    },
  });
  let wakes = 0;
  const officeStore = officeStoreOn(store.context);
  const office = createOfficeService({
    person: () => people.current(),
    store: officeStore,
    wake: () => {
      wakes += 1;
    },
    log: silentLogger,
  });
  const inbox = createOfficeInbox({
    api: () => api,
    store: officeStore,
    files: createAttachmentFileSink(filesDir),
    person: () => people.current()?.username ?? null,
    notifier,
    log: silentLogger,
    clock: options.clock,
    ...(options.waitSeconds === undefined ? {} : { waitSeconds: options.waitSeconds }),
  });
  return {
    db,
    store,
    filesDir,
    api,
    engine,
    people,
    office,
    inbox,
    notices,
    wakes: () => wakes,
    putFile(bytes) {
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      const target = attachmentPath(filesDir, sha256);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, bytes);
      return sha256;
    },
  };
}

/** Send what waits in the outbox (retrying through faults), as the background loop does when woken. */
export async function drain(ws: OfficeWorkstation): Promise<void> {
  await ws.engine.runUntilIdle({ maxRounds: 2_000 });
}

/** Pull the person's inbox until it answers (through faults); returns how many items arrived. */
export async function pullInbox(ws: OfficeWorkstation, attempts = 200): Promise<number> {
  let arrived = 0;
  for (let attempt = 0; attempt < attempts; attempt += 1) {
    try {
      arrived += await ws.inbox.pull(0);
      return arrived;
    } catch {
      // A fault (lost answer, reset, 503): the cursor did not move unless the page was applied; pull again.
    }
  }
  throw new Error('inbox never answered');
}

export const SNV = '000.00.01.H99';
export const UBND = '000.00.00.H99';

/**
 * The reference server on a virtual clock at the run's anchor, and `open` for a workstation of Sở
 * Nội vụ signed in as one of its people (`truc`: the văn thư's, which also pulls the trục inbox).
 */
export async function startOfficeDay() {
  const clock = virtualClock(testNow().getTime());
  const started = await startServer(undefined, () => clock.ms());
  const open = async (username: string, truc = false): Promise<OfficeWorkstation> => {
    const ws = openOfficeWorkstation({ url: started.url, maDinhDanh: SNV, clock, truc });
    await ws.people.signIn(username, DEMO_PASSWORD);
    return ws;
  };
  return { clock, started, server: started.server, open };
}
