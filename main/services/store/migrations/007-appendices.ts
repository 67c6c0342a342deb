import type { Database } from 'better-sqlite3';

/**
 * Phụ lục in separate files belong to their văn bản [ND30 Phụ lục I, I.III.1]: an outgoing
 * document keeps an ordered list of them (signed by the organization with its số, ký hiệu, sent
 * with it), and an incoming one keeps those that arrived with it. The bytes are attachments
 * (content-addressed); a row here only says which document they belong to, in which order and
 * under which title. `position` orders the list; gaps left by a removal are harmless.
 */
export function up(db: Database): void {
  db.exec(`
    CREATE TABLE outgoing_appendices (
      outgoing_id TEXT NOT NULL REFERENCES outgoing_documents(id),
      position INTEGER NOT NULL CHECK (position >= 1),
      kind TEXT NOT NULL CHECK (kind IN ('phu-luc')),
      title TEXT NOT NULL,
      sha256 TEXT NOT NULL REFERENCES attachments(sha256),
      file_name TEXT NOT NULL,
      signed INTEGER NOT NULL CHECK (signed IN (0, 1)),
      added_by TEXT NOT NULL,
      added_at TEXT NOT NULL,
      PRIMARY KEY (outgoing_id, position),
      UNIQUE (outgoing_id, sha256)
    ) STRICT;

    CREATE TABLE incoming_appendices (
      incoming_id TEXT NOT NULL REFERENCES incoming_documents(id),
      position INTEGER NOT NULL CHECK (position >= 1),
      kind TEXT NOT NULL CHECK (kind IN ('phu-luc')),
      title TEXT NOT NULL,
      sha256 TEXT NOT NULL REFERENCES attachments(sha256),
      file_name TEXT NOT NULL,
      PRIMARY KEY (incoming_id, position),
      UNIQUE (incoming_id, sha256)
    ) STRICT;
  `);
}
