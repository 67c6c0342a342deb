import type { Database } from 'better-sqlite3';

/**
 * Phân công xử lý văn bản đến [ND30 Điều 23]: one row per assignment (the latest one counts; earlier
 * ones stay as history, the audit chain keeps who changed what). phoi_hop is a JSON array of names.
 * Also the leader's comments when a draft goes back to the drafter (trả lại dự thảo), kept per return.
 */
export function up(db: Database): void {
  db.exec(`
    CREATE TABLE incoming_assignments (
      seq INTEGER PRIMARY KEY,
      incoming_id TEXT NOT NULL REFERENCES incoming_documents(id),
      chu_tri TEXT NOT NULL,
      phoi_hop TEXT NOT NULL DEFAULT '[]',
      han_xu_ly TEXT,
      y_kien TEXT NOT NULL DEFAULT '',
      assigned_by TEXT NOT NULL,
      assigned_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX incoming_assignments_doc ON incoming_assignments(incoming_id, seq);

    CREATE TABLE outgoing_returns (
      seq INTEGER PRIMARY KEY,
      outgoing_id TEXT NOT NULL REFERENCES outgoing_documents(id),
      comment TEXT NOT NULL,
      returned_by TEXT NOT NULL,
      returned_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX outgoing_returns_doc ON outgoing_returns(outgoing_id, seq);
  `);
}
