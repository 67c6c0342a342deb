import type { Database } from 'better-sqlite3';

/**
 * Core schema: organizations, registers and number leases, incoming documents, attachments,
 * the audit chain and the outbox. Uniqueness of numbers lives here (partial unique indexes),
 * so a bug in code cannot hand out a number twice.
 */
export function up(db: Database): void {
  db.exec(`
    CREATE TABLE organizations (
      ma_dinh_danh TEXT PRIMARY KEY,
      ten TEXT NOT NULL,
      co_quan_chu_quan TEXT NOT NULL DEFAULT ''
    ) STRICT;

    CREATE TABLE profiles (
      id TEXT PRIMARY KEY,
      ho_ten TEXT NOT NULL,
      role TEXT NOT NULL CHECK (role IN ('van-thu', 'lanh-dao', 'chuyen-vien')),
      ma_dinh_danh TEXT NOT NULL REFERENCES organizations(ma_dinh_danh)
    ) STRICT;

    CREATE TABLE registers (
      id TEXT PRIMARY KEY,
      ma_dinh_danh TEXT NOT NULL REFERENCES organizations(ma_dinh_danh),
      kind TEXT NOT NULL CHECK (kind IN ('den', 'di')),
      series TEXT NOT NULL DEFAULT '',
      year INTEGER NOT NULL,
      quyen_so INTEGER NOT NULL DEFAULT 1,
      UNIQUE (ma_dinh_danh, kind, series, year)
    ) STRICT;

    -- A block of numbers granted by the server (last_number NULL = open lease of a
    -- single-workstation register). next_number is the next one to hand out.
    CREATE TABLE number_leases (
      id TEXT PRIMARY KEY,
      register_id TEXT NOT NULL REFERENCES registers(id),
      first_number INTEGER NOT NULL CHECK (first_number >= 1),
      last_number INTEGER CHECK (last_number IS NULL OR last_number >= first_number),
      next_number INTEGER NOT NULL,
      granted_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX number_leases_register ON number_leases(register_id, first_number);

    CREATE TABLE attachments (
      sha256 TEXT PRIMARY KEY,
      size INTEGER NOT NULL,
      media_type TEXT NOT NULL,
      created_at TEXT NOT NULL
    ) STRICT;

    -- doc_no is a stable rowid (VACUUM may renumber implicit rowids) the search index points at.
    CREATE TABLE incoming_documents (
      doc_no INTEGER PRIMARY KEY,
      id TEXT NOT NULL UNIQUE,
      register_id TEXT NOT NULL REFERENCES registers(id),
      so_den INTEGER,
      so_den_tam INTEGER,
      ngay_den TEXT NOT NULL,
      ma_dinh_danh_van_ban TEXT,
      ma_ho_so TEXT,
      so_thu_tu_trong_ho_so INTEGER,
      ten_loai TEXT NOT NULL,
      so TEXT NOT NULL,
      ky_hieu TEXT NOT NULL,
      ngay_ban_hanh TEXT NOT NULL,
      co_quan_ban_hanh TEXT NOT NULL,
      ma_co_quan_ban_hanh TEXT,
      trich_yeu TEXT NOT NULL,
      ngon_ngu TEXT NOT NULL DEFAULT 'Tiếng Việt',
      so_trang INTEGER,
      ghi_chu TEXT NOT NULL DEFAULT '',
      chuc_vu TEXT NOT NULL DEFAULT '',
      nguoi_ky TEXT NOT NULL DEFAULT '',
      do_khan INTEGER NOT NULL DEFAULT 0,
      do_mat INTEGER NOT NULL DEFAULT 0,
      noi_nhan TEXT NOT NULL DEFAULT '',
      y_kien TEXT NOT NULL DEFAULT '',
      han_xu_ly TEXT,
      source TEXT NOT NULL CHECK (source IN ('truc', 'email', 'giay', 'khac')),
      state TEXT NOT NULL,
      verification TEXT,
      file_sha256 TEXT REFERENCES attachments(sha256),
      original_sha256 TEXT REFERENCES attachments(sha256),
      file_name TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      CHECK (so_den IS NOT NULL OR so_den_tam IS NOT NULL)
    ) STRICT;
    CREATE UNIQUE INDEX incoming_so_den ON incoming_documents(register_id, so_den) WHERE so_den IS NOT NULL;
    CREATE UNIQUE INDEX incoming_so_den_tam ON incoming_documents(register_id, so_den_tam) WHERE so_den_tam IS NOT NULL;
    CREATE INDEX incoming_ma_dinh_danh ON incoming_documents(ma_dinh_danh_van_ban) WHERE ma_dinh_danh_van_ban IS NOT NULL;
    CREATE INDEX incoming_so_ky_hieu ON incoming_documents(so, ky_hieu, co_quan_ban_hanh);
    CREATE INDEX incoming_ngay_den ON incoming_documents(ngay_den);

    -- Append-only: each entry hashes the previous one. Triggers stop ordinary edits;
    -- the chain detects the rest (a row edited or deleted behind the app's back).
    CREATE TABLE audit_log (
      seq INTEGER PRIMARY KEY,
      at TEXT NOT NULL,
      actor TEXT NOT NULL,
      action TEXT NOT NULL,
      entity TEXT NOT NULL,
      entity_id TEXT NOT NULL,
      details TEXT NOT NULL,
      prev_hash TEXT NOT NULL,
      hash TEXT NOT NULL
    ) STRICT;
    CREATE INDEX audit_entity ON audit_log(entity, entity_id);
    CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
    CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;

    CREATE TABLE outbox_jobs (
      id TEXT PRIMARY KEY,
      kind TEXT NOT NULL,
      job_key TEXT NOT NULL,
      payload TEXT NOT NULL,
      state TEXT NOT NULL CHECK (state IN ('pending', 'in-flight', 'done', 'failed', 'paused')),
      attempts INTEGER NOT NULL DEFAULT 0,
      next_attempt_at TEXT NOT NULL,
      last_error TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX outbox_due ON outbox_jobs(state, next_attempt_at);
    CREATE INDEX outbox_key ON outbox_jobs(job_key, id) WHERE state <> 'done';

    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
  `);
}
