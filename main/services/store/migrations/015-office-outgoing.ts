import type { Database } from 'better-sqlite3';

/**
 * `office_outgoing`: the local outgoing record a case of the office workflow became on this
 * workstation — a draft that arrived by trình ký at the leader's, or a signed file that arrived at
 * the văn thư's — so the issuing chain (ký, cấp số, đóng dấu, phát hành) runs on it, and each of
 * its results travels back as the case's next step. One record per case, one case per record.
 */
export function up(db: Database): void {
  db.exec(`
    CREATE TABLE office_outgoing (
      case_id TEXT PRIMARY KEY REFERENCES office_cases(id),
      document_id TEXT NOT NULL UNIQUE REFERENCES outgoing_documents(id)
    ) STRICT;
  `);
}
