import type { Database } from 'better-sqlite3';

/**
 * The organization's registers on every workstation of it, numbered in order of receipt.
 * - `number_leases.returned_from`: a leased block is cut there once the workstation is online again
 *   after using it offline; nothing from that number on is taken here any more, and the numbers go
 *   back to the server (`returned_at` set when the server confirmed), which hands them out first.
 * - `replica` on both document tables: a row another workstation of the organization registered or
 *   issued, copied from the server's registers feed so the sổ, search and reports cover the whole
 *   organization. It is not this workstation's work: queues leave it out.
 * - `replica_files`: the files of a replica, by hash, fetched only when someone opens one (the
 *   attachments table lists only bytes this workstation holds).
 */
export function up(db: Database): void {
  db.exec(`
    ALTER TABLE number_leases ADD COLUMN returned_from INTEGER;
    ALTER TABLE number_leases ADD COLUMN returned_at TEXT;
    ALTER TABLE incoming_documents ADD COLUMN replica INTEGER NOT NULL DEFAULT 0 CHECK (replica IN (0, 1));
    ALTER TABLE outgoing_documents ADD COLUMN replica INTEGER NOT NULL DEFAULT 0 CHECK (replica IN (0, 1));
    CREATE TABLE replica_files (
      document_id TEXT NOT NULL,
      sha256 TEXT NOT NULL,
      size INTEGER NOT NULL,
      PRIMARY KEY (document_id, sha256)
    ) STRICT;
  `);
}
