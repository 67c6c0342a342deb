import type { Database } from 'better-sqlite3';

/**
 * Outgoing documents (Phụ lục VI I) and their recipients by mã định danh. A number is unique
 * per register; there is no provisional column: an outgoing number is printed in the signed
 * PDF, so it must be final when it is given.
 */
export function up(db: Database): void {
  db.exec(`
    CREATE TABLE outgoing_documents (
      doc_no INTEGER PRIMARY KEY,
      id TEXT NOT NULL UNIQUE,
      register_id TEXT NOT NULL REFERENCES registers(id),
      so INTEGER,
      ky_hieu TEXT NOT NULL,
      ten_loai TEXT NOT NULL,
      ngay_ban_hanh TEXT,
      ma_dinh_danh_van_ban TEXT,
      ma_ho_so TEXT,
      so_thu_tu_trong_ho_so INTEGER,
      co_quan_ban_hanh TEXT NOT NULL,
      trich_yeu TEXT NOT NULL,
      ngon_ngu TEXT NOT NULL DEFAULT 'Tiếng Việt',
      so_trang INTEGER,
      ghi_chu TEXT NOT NULL DEFAULT '',
      chuc_vu TEXT NOT NULL DEFAULT '',
      nguoi_ky TEXT NOT NULL DEFAULT '',
      do_khan INTEGER NOT NULL DEFAULT 0,
      do_mat INTEGER NOT NULL DEFAULT 0,
      so_luong_ban INTEGER NOT NULL DEFAULT 1,
      han_tra_loi TEXT,
      noi_luu TEXT NOT NULL DEFAULT '',
      state TEXT NOT NULL,
      file_sha256 TEXT REFERENCES attachments(sha256),
      original_sha256 TEXT REFERENCES attachments(sha256),
      recall_reason TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;
    CREATE UNIQUE INDEX outgoing_so ON outgoing_documents(register_id, so) WHERE so IS NOT NULL;
    CREATE INDEX outgoing_state ON outgoing_documents(state, updated_at);

    CREATE TABLE outgoing_recipients (
      document_id TEXT NOT NULL REFERENCES outgoing_documents(id) ON DELETE CASCADE,
      ma_dinh_danh TEXT NOT NULL,
      ten TEXT NOT NULL,
      status_code TEXT,
      status_at TEXT,
      PRIMARY KEY (document_id, ma_dinh_danh)
    ) STRICT;
  `);
}
