import Database from 'better-sqlite3';
import { addFileColumns } from './document-files.ts';
import { addNumberTables } from './number-tables.ts';
import { addOfficeTables } from './office/schema.ts';

/** The reference server's own schema; it never shares a file with the desktop store. */
const SCHEMA = `
create table if not exists organizations (
  ma_dinh_danh text primary key, ten text not null, seq integer not null
);
create table if not exists users (
  username text primary key, password text not null, ma_dinh_danh text not null references organizations
);
create table if not exists tokens (
  token text primary key, kind text not null check (kind in ('access','refresh')),
  username text not null, expires_at integer not null
);
-- Idempotency: a mutation's key is applied once; repeats get the stored first answer.
create table if not exists idempotency (
  org text not null, key text not null, method text not null, path text not null,
  request_hash text not null, status integer not null, body text not null,
  primary key (org, key)
);
create table if not exists register_counters (
  org text not null, kind text not null, year integer not null, next_no integer not null,
  primary key (org, kind, year)
);
create table if not exists leases (
  id text primary key, org text not null, kind text not null, year integer not null,
  workstation text not null, from_no integer not null, to_no integer not null, created_at integer not null
);
create table if not exists blobs (sha256 text primary key, size integer not null);
create table if not exists uploads (
  sha256 text primary key, size integer not null, offset integer not null, created_at integer not null
);
create table if not exists documents (
  id text primary key, from_org text not null, so_ky_hieu text not null, trich_yeu text not null,
  ngay_ban_hanh text not null, ten_loai text not null, nguoi_ky text not null default '',
  chuc_vu text not null default '', do_khan integer not null default 0, created_at integer not null,
  change_key text, recalled_at integer, recall_reason text, recall_key text
);
create table if not exists document_files (
  document_id text not null references documents, sha256 text not null, name text not null, size integer not null,
  primary key (document_id, sha256)
);
create table if not exists deliveries (
  document_id text not null references documents, to_org text not null, primary key (document_id, to_org)
);
-- 'registered' (since 1.2.0): the caller's organization registered the document (at any of its
-- workstations), so the others take that số đến instead of numbering it again.
create table if not exists inbox_events (
  seq integer primary key autoincrement, org text not null,
  kind text not null check (kind in ('document','recall','registered')),
  document_id text not null, created_at integer not null
);
create table if not exists registrations (
  document_id text not null, org text not null, year integer not null, so_den integer not null,
  ngay_den text not null, change_key text not null,
  primary key (document_id, org), unique (org, year, so_den)
);
-- Incoming documents that did not come through the trục (paper, email): registered with their
-- metadata (Phụ lục VI) and files by the receiving organization; the registration row is in registrations.
create table if not exists registered_documents (
  id text not null, org text not null, source text not null, metadata text not null, created_at integer not null,
  change_key text not null, primary key (id, org)
);
create table if not exists registered_document_files (
  document_id text not null, org text not null, sha256 text not null, size integer not null,
  primary key (document_id, org, sha256)
);
create table if not exists statuses (
  id integer primary key autoincrement, document_id text not null, org text not null,
  code text not null, reason text, at integer not null, change_key text not null
);
`;

export type ServerDb = Database.Database;

/** Columns added after 1.0.0, for a data directory created before them (demo servers keep theirs). */
function addMissingColumns(db: Database.Database): void {
  const have = new Set((db.prepare('pragma table_info(documents)').all() as { name: string }[]).map((c) => c.name));
  const added: Record<string, string> = {
    nguoi_ky: "text not null default ''",
    chuc_vu: "text not null default ''",
    do_khan: 'integer not null default 0',
  };
  for (const [column, type] of Object.entries(added)) {
    if (!have.has(column)) {
      db.exec(`alter table documents add column ${column} ${type}`);
    }
  }
}

/**
 * A data directory from before 1.2.0 has inbox_events without the 'registered' kind: rebuild the
 * table (seq values kept, so clients' cursors stay valid) and add one 'registered' event per
 * registration of a delivered document, so workstations that pulled before the upgrade learn the
 * numbers their organization already gave (and drop their duplicates) on their next pull.
 */
function allowRegisteredEvents(db: Database.Database): void {
  const sql = db
    .prepare(`select sql from sqlite_master where type = 'table' and name = 'inbox_events'`)
    .pluck()
    .get() as string;
  if (sql.includes("'registered'")) {
    return;
  }
  db.transaction(() => {
    db.exec(`
      create table inbox_events_new (
        seq integer primary key autoincrement, org text not null,
        kind text not null check (kind in ('document','recall','registered')),
        document_id text not null, created_at integer not null
      );
      insert into inbox_events_new (seq, org, kind, document_id, created_at)
        select seq, org, kind, document_id, created_at from inbox_events order by seq;
      drop table inbox_events;
      alter table inbox_events_new rename to inbox_events;
    `);
    db.prepare(
      `insert into inbox_events (org, kind, document_id, created_at)
       select r.org, 'registered', r.document_id, ? from registrations r
       join deliveries v on v.document_id = r.document_id and v.to_org = r.org
       order by r.rowid`,
    ).run(Date.now());
  })();
}

export function openServerDb(path: string): ServerDb {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.exec(SCHEMA);
  addMissingColumns(db);
  addFileColumns(db);
  addNumberTables(db);
  allowRegisteredEvents(db);
  addOfficeTables(db);
  return db;
}
