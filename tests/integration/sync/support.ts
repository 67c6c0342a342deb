import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { createReferenceServer, type ReferenceServer } from '../../../server/app.ts';
import type { FaultConfig } from '../../../server/faults.ts';
import { DEMO_PASSWORD, seedDemo } from '../../../server/seed.ts';
import type { SyncProgress } from '../../../preload/contract/sync.ts';
import { silentLogger } from '../../../main/services/log/logger.ts';
import { createSqliteOutbox } from '../../../main/services/outbox/sqlite-outbox.ts';
import type { OutboxStore } from '../../../main/services/outbox/outbox-store.ts';
import { attachmentPath } from '../../../main/services/store/attachments.ts';
import { openDatabase } from '../../../main/services/store/open-database.ts';
import { ApiClient } from '../../../main/services/sync/api-client.ts';
import type { BackoffPolicy } from '../../../main/services/sync/backoff.ts';
import { SyncEngine } from '../../../main/services/sync/engine.ts';
import type {
  DirectorySink,
  FileSink,
  InboxItem,
  InboxSink,
  LeaseSink,
  SyncClock,
} from '../../../main/services/sync/ports.ts';
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

/**
 * The inbox as the store would keep it, on the workstation's real SQLite file: a fake at the
 * InboxSink port (the store's own adapter replaces it), one transaction per page.
 */
export function sqliteInboxSink(db: Database): InboxSink {
  db.exec(`create table if not exists test_inbox (document_id text primary key, body text not null, recalled integer not null default 0);
           create table if not exists test_inbox_cursor (id integer primary key check (id = 1), cursor text not null);`);
  return {
    cursor: () =>
      (db.prepare('select cursor from test_inbox_cursor').get() as { cursor: string } | undefined)?.cursor ?? null,
    apply: (items: readonly InboxItem[], next: string) =>
      db.transaction(() => {
        for (const item of items) {
          if (item.kind === 'recall') {
            db.prepare('update test_inbox set recalled = 1 where document_id = ?').run(item.document.id);
          } else {
            db.prepare('insert or replace into test_inbox (document_id, body) values (?, ?)').run(
              item.document.id,
              JSON.stringify(item.document),
            );
          }
        }
        db.prepare(
          'insert into test_inbox_cursor (id, cursor) values (1, ?) on conflict (id) do update set cursor = excluded.cursor',
        ).run(next);
      })(),
  };
}

/** The directory kept on the workstation's SQLite file (a fake at the DirectorySink port). */
export function sqliteDirectorySink(db: Database): DirectorySink {
  db.exec(`create table if not exists test_directory (ma_dinh_danh text primary key, ten text not null);
           create table if not exists test_directory_cursor (id integer primary key check (id = 1), cursor text not null);`);
  return {
    cursor: () =>
      (db.prepare('select cursor from test_directory_cursor').get() as { cursor: string } | undefined)?.cursor ?? null,
    apply: (items, next) =>
      db.transaction(() => {
        for (const item of items) {
          db.prepare('insert or replace into test_directory (ma_dinh_danh, ten) values (?, ?)').run(
            item.maDinhDanh,
            item.ten,
          );
        }
        db.prepare(
          'insert into test_directory_cursor (id, cursor) values (1, ?) on conflict (id) do update set cursor = excluded.cursor',
        ).run(next);
      })(),
  };
}

export function fileSink(filesDir: string): FileSink {
  return {
    has: (sha256) => existsSync(attachmentPath(filesDir, sha256)),
    partialPath: (sha256) => {
      mkdirSync(join(filesDir, 'partial'), { recursive: true });
      return join(filesDir, 'partial', sha256);
    },
    commit: (sha256, partial) => {
      const target = attachmentPath(filesDir, sha256);
      mkdirSync(dirname(target), { recursive: true });
      renameSync(partial, target);
    },
  };
}

export interface Workstation {
  readonly dir: string;
  readonly db: Database;
  readonly outbox: OutboxStore;
  readonly filesDir: string;
  readonly engine: SyncEngine;
  readonly inbox: InboxSink;
  readonly api: ApiClient;
  readonly progress: SyncProgress[];
  /** Store a file the way the store does (content-addressed) and return its hash. */
  putFile(bytes: Buffer): string;
}

export function openWorkstation(options: {
  url: string;
  username: string;
  clock: SyncClock;
  dir?: string;
  leases?: (db: Database) => LeaseSink;
  backoff?: BackoffPolicy;
  concurrency?: number;
  /** false: outbox only, as the app runs it today (no inbox or directory sink). */
  pull?: boolean;
  password?: string;
}): Workstation {
  const dir = options.dir ?? tempDir('ws');
  const db = openDatabase(join(dir, 'vanthu.sqlite'));
  const outbox = createSqliteOutbox(db);
  const filesDir = join(dir, 'files');
  const inbox = sqliteInboxSink(db);
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
    files: { pathOf: (sha256) => attachmentPath(filesDir, sha256) },
    ...(options.pull === false
      ? {}
      : { inbox: { sink: inbox, files: fileSink(filesDir) }, directory: sqliteDirectorySink(db) }),
    ...(options.leases === undefined ? {} : { leases: options.leases(db) }),
    clock: options.clock,
    log: silentLogger,
    ...(options.backoff === undefined ? {} : { backoff: options.backoff }),
    ...(options.concurrency === undefined ? {} : { concurrency: options.concurrency }),
  });
  return {
    dir,
    db,
    outbox,
    filesDir,
    engine,
    inbox,
    api,
    progress,
    putFile(bytes) {
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      const target = attachmentPath(filesDir, sha256);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, bytes);
      return sha256;
    },
  };
}

export function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}
