// The schema's parts take the driver's handle, as number-tables.ts does: db.ts imports them.
import type Database from 'better-sqlite3';

/**
 * The office workflow's tables (API 1.4.0): people with roles and departments, each document's
 * journey inside an organization (a case), its steps and the per-person inbox. Kept apart from
 * the trục's tables: a step never changes a delivery, it only adds statuses 04/05/06.
 */
const OFFICE_SCHEMA = `
create table if not exists departments (
  org text not null, id text not null, ten text not null, primary key (org, id)
);
-- One row per account that has a person behind it; an account without one is a văn thư (before 1.4.0 all were).
create table if not exists people (
  username text primary key, full_name text not null, chuc_vu text not null default '', department text
);
create table if not exists person_roles (
  username text not null, role text not null check (role in ('van-thu','lanh-dao','chuyen-vien','truong-phong')),
  primary key (username, role)
);
create table if not exists office_cases (
  org text not null, id text not null, kind text not null check (kind in ('incoming','outgoing')),
  state text not null, title text not null, meta text not null,
  created_by text not null, presented_by text, leader text, director text, drafter text,
  pending_with text, draft_sha text, truc_document_id text, updated_at integer not null,
  primary key (org, id)
);
create table if not exists office_case_files (
  org text not null, case_id text not null, sha256 text not null, name text not null, role text not null,
  size integer not null, primary key (org, case_id, role)
);
create table if not exists office_steps (
  seq integer primary key autoincrement, org text not null, case_id text not null, step_id text not null,
  kind text not null, actor text not null, body text not null, at integer not null, unique (org, step_id)
);
create table if not exists office_inbox (
  seq integer primary key autoincrement, username text not null, step_seq integer not null references office_steps
);
create index if not exists office_inbox_person on office_inbox (username, seq);
`;

export function addOfficeTables(db: Database.Database): void {
  db.exec(OFFICE_SCHEMA);
}
