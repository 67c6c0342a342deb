import type { ArrivalCheck } from '../../../preload/contract/arrival-check.ts';
import { setArrivalCheck } from '../../../main/services/store/arrival-gate.ts';
import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { createReferenceServer, type ReferenceServer } from '../../../server/app.ts';
import type { FaultConfig } from '../../../server/faults.ts';
import { DEMO_PASSWORD, seedDemo } from '../../../server/seed.ts';
import type { SyncProgress } from '../../../preload/contract/sync.ts';
import { silentLogger } from '../../../main/services/log/logger.ts';
import type { OutboxStore } from '../../../main/services/outbox/outbox-store.ts';
import { attachmentPath, openAttachment, writeAttachmentFile } from '../../../main/services/store/attachments.ts';
import { useFilesKey } from '../../../main/services/cipher/files-key.ts';
import { openDatabase } from '../../../main/services/store/open-database.ts';
import { createStore, type StoreApi } from '../../../main/services/store/store.ts';
import { ApiClient } from '../../../main/services/sync/api-client.ts';
import type { BackoffPolicy } from '../../../main/services/sync/backoff.ts';
import { SyncEngine } from '../../../main/services/sync/engine.ts';
import { createAttachmentFileSink } from '../../../main/services/sync/file-sink.ts';
import type { InboxSink, LeaseSink, RegistersFeedSink, SyncClock } from '../../../main/services/sync/ports.ts';
import { createStoreRegistersFeed } from '../../../main/services/store/registers-feed-store.ts';
import { adoptForJob } from '../../../main/services/store/registration-adoption.ts';
import { createStoreInboxSink } from '../../../main/services/store/store-sinks.ts';
import { finalizeProvisional } from '../../../main/services/sync/finalize-provisional.ts';
import { uploadFile } from '../../../main/services/sync/transfer.ts';
import { createAxiosTransport } from '../../../main/services/sync/transport.ts';

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `vanthu-${prefix}-`));
}

/** Simulated time shared by server and client: sleeping advances it instantly. */
export function virtualClock(start = Date.parse('2026-03-02T08:00:00Z')): SyncClock & { ms(): number } {
  let now = start;
  return {
    ms: () => now,
    now: () => new Date(now),
    sleep: async (ms) => {
      now += ms;
      await new Promise((resolve) => setImmediate(resolve));
    },
  };
}

export async function startServer(
  faults?: Partial<FaultConfig>,
  now?: () => number,
): Promise<{ server: ReferenceServer; url: string; dataDir: string }> {
  const dataDir = tempDir('server');
  const server = createReferenceServer({ dataDir, ...(now === undefined ? {} : { now }) });
  seedDemo(server.state);
  if (faults !== undefined) {
    server.faults.update(faults);
  }
  return { server, url: await server.listen(0), dataDir };
}

/** The demo accounts' organizations (server/seed.ts): each workstation's store belongs to one. */
const ORG_OF: Readonly<Record<string, string>> = {
  'vanthu.ubnd': '000.00.00.H99',
  'vanthu.snv': '000.00.01.H99',
  'vanthu2.snv': '000.00.01.H99',
  'vanthu.stc': '000.00.02.H99',
  'vanthu.vp': '000.00.03.H99',
};

const opened: Database[] = [];

/** Close every workstation database a test opened (afterEach), so no connection outlives its test. */
export function closeWorkstations(): void {
  for (const db of opened.splice(0)) {
    if (db.open) {
      db.close();
    }
  }
}

/** A check that found nothing, for tests about what comes after it. */
export const PASSED_CHECK: ArrivalCheck = {
  verdict: 'valid',
  // fixed-date: never read; only the verdict matters to these tests
  checkedAt: '1970-01-01T00:00:00.000Z',
  signatures: [],
  findings: [],
  malware: { scanner: null, status: 'clean', detail: '' },
};

export interface Workstation {
  readonly dir: string;
  readonly db: Database;
  /** The real store on the workstation's database (the same code the store worker runs). */
  readonly store: StoreApi;
  readonly outbox: OutboxStore;
  readonly filesDir: string;
  readonly engine: SyncEngine;
  readonly inbox: InboxSink;
  readonly api: ApiClient;
  readonly progress: SyncProgress[];
  /** Store a file the way the store does (content-addressed) and return its hash. */
  putFile(bytes: Buffer): string;
  /** Incoming documents that arrived through the inbox (source trục), by id. */
  receivedIds(): string[];
  /** The registration jobs the store queued for those arrivals. */
  registrationJobIds(): string[];
  /**
   * The văn thư receives every arrival still in đã đến (tiếp nhận gives the số đến). The background
   * check is the subject of tests/integration/incoming; here its verdict is recorded as "hợp lệ".
   */
  receiveArrivals(except?: readonly string[]): string[];
}

export function openWorkstation(options: {
  url: string;
  username: string;
  clock: SyncClock;
  dir?: string;
  leases?: (db: Database, store: StoreApi) => LeaseSink;
  backoff?: BackoffPolicy;
  concurrency?: number;
  /** false: outbox only, as the app runs it today (no inbox or directory sink). */
  pull?: boolean;
  password?: string;
  /** The store dates its changes (ngày đến, jobs' due times) on the simulated clock too. */
  storeOnClock?: boolean;
  /** false: no repair of ALREADY_REGISTERED at the refusal (as `vanthu sync` runs today); the inbox settles it. */
  repair?: boolean;
  /** A profile key: the workstation's profile is encrypted (database and stored files). */
  key?: Buffer;
  /** true: the organization's registers feed (API 1.4.0) is pulled into the store, as the app does. */
  registers?: boolean;
}): Workstation {
  const dir = options.dir ?? tempDir('ws');
  const db = openDatabase(join(dir, 'vanthu.sqlite'), options.key === undefined ? {} : { key: options.key });
  opened.push(db);
  const filesDir = join(dir, 'files');
  if (options.key !== undefined) {
    useFilesKey(filesDir, options.key);
  }
  const store = createStore({
    db,
    filesDir,
    maDinhDanh: ORG_OF[options.username] ?? '000.00.01.H99',
    ...(options.storeOnClock === true ? { clock: () => options.clock.now() } : {}),
  });
  const outbox = store.context.outbox;
  const inboxSink = createStoreInboxSink(store.context);
  const inbox: InboxSink = {
    cursor: () => inboxSink.inboxCursor(),
    apply: (items, next) => {
      inboxSink.applyInbox(items, next);
    },
  };
  const api = new ApiClient(
    createAxiosTransport({ baseUrl: options.url, timeoutMs: 20_000 }),
    () => ({ username: options.username, password: options.password ?? DEMO_PASSWORD }),
    () => options.clock.now(),
  );
  const progress: SyncProgress[] = [];
  const engine = new SyncEngine({
    onProgress: (event) => progress.push(event),
    api,
    outbox,
    files: { pathOf: (sha256) => attachmentPath(filesDir, sha256), open: (sha256) => openAttachment(filesDir, sha256) },
    ...(options.pull === false
      ? {}
      : {
          inbox: { sink: inbox, files: createAttachmentFileSink(filesDir) },
          directory: {
            cursor: () => store.directoryCursor(),
            apply: (items, next) => store.applyDirectory(items, next),
          },
          receipts: {
            awaiting: () => store.outgoingAwaitingStatuses(50),
            apply: (updates) => store.applyRecipientStatuses(updates),
          },
        }),
    // As the app wires it: a registration refused because the organization made it elsewhere is repaired.
    ...(options.repair === false
      ? {}
      : { registrations: { adopt: (jobId, registration) => adoptForJob(store.context, jobId, registration) } }),
    onResult: finalizeProvisional((documentId, soDen) => store.finalizeProvisional(documentId, soDen), silentLogger),
    ...(options.leases === undefined ? {} : { leases: options.leases(db, store) }),
    ...(options.registers === true ? { registers: registersSink(store) } : {}),
    clock: options.clock,
    log: silentLogger,
    ...(options.backoff === undefined ? {} : { backoff: options.backoff }),
    ...(options.concurrency === undefined ? {} : { concurrency: options.concurrency }),
  });
  return {
    dir,
    db,
    store,
    outbox,
    filesDir,
    engine,
    inbox,
    api,
    progress,
    putFile(bytes) {
      return writeAttachmentFile(filesDir, bytes);
    },
    receivedIds: () =>
      (db.prepare(`select id from incoming_documents where source = 'truc' order by id`).all() as { id: string }[]).map(
        (row) => row.id,
      ),
    receiveArrivals: (except = []) => {
      const waiting = (
        db
          .prepare(`select id from incoming_documents where source = 'truc' and state = 'da-den' order by id`)
          .all() as {
          id: string;
        }[]
      )
        .map((row) => row.id)
        .filter((id) => !except.includes(id));
      for (const id of waiting) {
        setArrivalCheck(store.context, id, PASSED_CHECK, null);
        store.transitionIncoming(id, 'da-tiep-nhan');
      }
      return waiting;
    },
    registrationJobIds: () =>
      (
        db.prepare(`select id from outbox_jobs where kind = 'incoming.register' order by id`).all() as { id: string }[]
      ).map((row) => row.id),
  };
}

function registersSink(store: StoreApi): RegistersFeedSink {
  const feed = createStoreRegistersFeed(store.context);
  return { cursor: () => feed.registersCursor(), apply: (items, next) => feed.applyRegisters(items, next) };
}

export function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * Another organization publishes a document through the real routes (upload, then POST
 * /v1/outgoing), as its sync would; its id. Used where only the recipient's side is under test.
 */
export async function publishThroughServer(options: {
  url: string;
  username: string;
  maDinhDanh: string;
  recipients: readonly string[];
  trichYeu: string;
  now?: () => Date;
}): Promise<string> {
  const api = new ApiClient(
    createAxiosTransport({ baseUrl: options.url, timeoutMs: 20_000 }),
    () => ({ username: options.username, password: DEMO_PASSWORD }),
    // real time: the reference server's sessions and their expiry run on its wall clock.
    options.now ?? (() => new Date()),
  );
  const bytes = Buffer.from(`%PDF-1.7\n% ${options.trichYeu} ${randomUUID()}\n%%EOF\n`);
  const hash = sha256(bytes);
  await uploadFile(api, { sha256: hash, size: bytes.length, read: (at, n) => bytes.subarray(at, at + n) }, () => {});
  const id = randomUUID();
  await api.mutate('/v1/outgoing', randomUUID(), {
    id,
    // fixed-date: the ngày ban hành printed on the document, never compared with today
    maDinhDanhVanBan: `${options.maDinhDanh},2026/03/02,15/KH-TEST`,
    recipients: options.recipients,
    files: [{ sha256: hash }],
    trichYeu: options.trichYeu,
    tenLoai: 'Kế hoạch',
  });
  return id;
}
