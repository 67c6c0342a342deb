import type { Database } from 'better-sqlite3';

/**
 * The organization directory as sync fills it, the local user's profile, and the statuses
 * recipients report on outgoing documents.
 * - organizations: where a row came from (the configured organization, the directory) and a
 *   folded name so "so tu phap" finds "Sở Tư pháp" when choosing recipients.
 * - profiles: one local user (id 'local') with a role; chức vụ and when it changed.
 * - recipient statuses: every report kept (01 … 06, 02 with its reason, 15/16 on a recall),
 *   unique per recipient, code and time, so applying the same page twice changes nothing.
 */
export function up(db: Database): void {
  db.exec(`
    ALTER TABLE organizations ADD COLUMN ten_fold TEXT NOT NULL DEFAULT '';
    ALTER TABLE organizations ADD COLUMN nguon TEXT NOT NULL DEFAULT 'local' CHECK (nguon IN ('local', 'directory'));
    ALTER TABLE organizations ADD COLUMN updated_at TEXT NOT NULL DEFAULT '';
    UPDATE organizations SET ten_fold = vn_fold(ten || ' ' || ma_dinh_danh);
    CREATE INDEX organizations_ten_fold ON organizations(ten_fold);

    ALTER TABLE profiles ADD COLUMN chuc_vu TEXT NOT NULL DEFAULT '';
    ALTER TABLE profiles ADD COLUMN updated_at TEXT NOT NULL DEFAULT '';

    ALTER TABLE outgoing_recipients ADD COLUMN status_reason TEXT;
    ALTER TABLE outgoing_recipients ADD COLUMN recall_code TEXT;
    ALTER TABLE outgoing_recipients ADD COLUMN recall_at TEXT;
    ALTER TABLE outgoing_documents ADD COLUMN recalled_at TEXT;

    CREATE TABLE recipient_statuses (
      document_id TEXT NOT NULL REFERENCES outgoing_documents(id) ON DELETE CASCADE,
      ma_dinh_danh TEXT NOT NULL,
      code TEXT NOT NULL CHECK (code IN ('01', '02', '03', '04', '05', '06', '13', '15', '16')),
      reason TEXT,
      at TEXT NOT NULL,
      received_at TEXT NOT NULL,
      PRIMARY KEY (document_id, ma_dinh_danh, code, at)
    ) STRICT;
  `);
}
