import type { Database } from 'better-sqlite3';

/**
 * The issuing chain of an outgoing document (issue #15). `outgoing_files` keeps the file of each
 * step by hash: the editable source (nguon), the draft PDF, the leader's signed file, the numbered
 * file and the sealed file; each step names the file it was made from. `issuing_pending` records an
 * output BEFORE its bytes go into the content store, and the step's own transaction deletes it: a
 * row left after a crash names exactly the one file to adopt or clean, so recovery never has to
 * guess which unreferenced file in the store belongs to what.
 */
export function up(db: Database): void {
  db.exec(`
    CREATE TABLE outgoing_files (
      document_id TEXT NOT NULL REFERENCES outgoing_documents(id),
      stage TEXT NOT NULL CHECK (stage IN ('nguon', 'du-thao', 'da-ky', 'da-cap-so', 'da-dong-dau')),
      sha256 TEXT NOT NULL REFERENCES attachments(sha256),
      file_name TEXT NOT NULL,
      from_sha256 TEXT,
      created_at TEXT NOT NULL,
      PRIMARY KEY (document_id, stage)
    ) STRICT;

    CREATE TABLE issuing_pending (
      document_id TEXT NOT NULL REFERENCES outgoing_documents(id),
      stage TEXT NOT NULL CHECK (stage IN ('da-ky', 'da-cap-so', 'da-dong-dau')),
      sha256 TEXT NOT NULL,
      size INTEGER NOT NULL,
      from_sha256 TEXT NOT NULL,
      created_at TEXT NOT NULL,
      PRIMARY KEY (document_id, stage)
    ) STRICT;
  `);
}
