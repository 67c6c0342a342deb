import type { Database } from 'better-sqlite3';

/**
 * The office workflow on this workstation (shared/design/workflow.md):
 * - `office_people`: each person who signed in here online, with a salted password verifier
 *   (scrypt; never the password) so they can sign in again offline, and their roles as the
 *   server gave them;
 * - `office_colleagues`: the organization's people (who a step can go to), kept for offline use;
 * - `office_cases` and `office_steps`: each document's journey and its steps, both those taken
 *   here (their id is the outbox job's id, so a refused step keeps its work and shows why) and
 *   those pulled from the server;
 * - `office_case_files`: the case's files by hash (the bytes live in the content store);
 * - `office_queue`: what arrived for each person, and whether its files are here (offline-ready);
 * - `office_cursors`: each person's inbox cursor, written with the page it ends.
 */
export function up(db: Database): void {
  db.exec(`
    CREATE TABLE office_people (
      username TEXT PRIMARY KEY,
      ma_dinh_danh TEXT NOT NULL,
      full_name TEXT NOT NULL,
      chuc_vu TEXT NOT NULL,
      department TEXT,
      roles TEXT NOT NULL,
      verifier TEXT NOT NULL,
      signed_in_at TEXT NOT NULL
    ) STRICT;
    CREATE TABLE office_colleagues (
      ma_dinh_danh TEXT NOT NULL,
      username TEXT NOT NULL,
      full_name TEXT NOT NULL,
      chuc_vu TEXT NOT NULL,
      department TEXT,
      roles TEXT NOT NULL,
      PRIMARY KEY (ma_dinh_danh, username)
    ) STRICT;
    CREATE TABLE office_cases (
      id TEXT PRIMARY KEY,
      kind TEXT NOT NULL CHECK (kind IN ('incoming', 'outgoing')),
      state TEXT NOT NULL,
      title TEXT NOT NULL,
      meta TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;
    CREATE TABLE office_steps (
      id TEXT PRIMARY KEY,
      case_id TEXT NOT NULL REFERENCES office_cases(id),
      kind TEXT NOT NULL,
      actor TEXT NOT NULL,
      actor_name TEXT NOT NULL,
      body TEXT NOT NULL,
      origin TEXT NOT NULL CHECK (origin IN ('local', 'server')),
      at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX office_steps_case ON office_steps(case_id, at);
    CREATE TABLE office_case_files (
      case_id TEXT NOT NULL REFERENCES office_cases(id),
      role TEXT NOT NULL,
      sha256 TEXT NOT NULL,
      name TEXT NOT NULL,
      size INTEGER NOT NULL,
      PRIMARY KEY (case_id, role)
    ) STRICT;
    CREATE TABLE office_queue (
      username TEXT NOT NULL,
      step_id TEXT NOT NULL REFERENCES office_steps(id),
      case_id TEXT NOT NULL REFERENCES office_cases(id),
      seq INTEGER NOT NULL,
      arrived_at TEXT NOT NULL,
      files_ready INTEGER NOT NULL DEFAULT 0,
      PRIMARY KEY (username, step_id)
    ) STRICT;
    CREATE TABLE office_cursors (
      username TEXT PRIMARY KEY,
      cursor TEXT NOT NULL
    ) STRICT;
  `);
}
