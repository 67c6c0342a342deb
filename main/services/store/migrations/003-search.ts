import type { Database } from 'better-sqlite3';

/**
 * Full-text search over trích yếu, số/ký hiệu, issuing organization and signer, on folded
 * text (`vn_fold`: no diacritics, đ → d). Triggers keep the index in the same transaction as
 * the document, and existing documents are indexed here.
 */
export function up(db: Database): void {
  db.exec(`
    CREATE VIRTUAL TABLE incoming_fts USING fts5(
      trich_yeu, so_ky_hieu, co_quan, nguoi_ky, tokenize = 'unicode61 remove_diacritics 0'
    );
    CREATE TRIGGER incoming_fts_insert AFTER INSERT ON incoming_documents BEGIN
      INSERT INTO incoming_fts(rowid, trich_yeu, so_ky_hieu, co_quan, nguoi_ky)
      VALUES (new.doc_no, vn_fold(new.ten_loai || ' ' || new.trich_yeu), vn_fold(new.so || '/' || new.ky_hieu),
              vn_fold(new.co_quan_ban_hanh), vn_fold(new.chuc_vu || ' ' || new.nguoi_ky));
    END;
    CREATE TRIGGER incoming_fts_update AFTER UPDATE OF ten_loai, trich_yeu, so, ky_hieu, co_quan_ban_hanh, chuc_vu, nguoi_ky
      ON incoming_documents BEGIN
      DELETE FROM incoming_fts WHERE rowid = old.doc_no;
      INSERT INTO incoming_fts(rowid, trich_yeu, so_ky_hieu, co_quan, nguoi_ky)
      VALUES (new.doc_no, vn_fold(new.ten_loai || ' ' || new.trich_yeu), vn_fold(new.so || '/' || new.ky_hieu),
              vn_fold(new.co_quan_ban_hanh), vn_fold(new.chuc_vu || ' ' || new.nguoi_ky));
    END;
    CREATE TRIGGER incoming_fts_delete AFTER DELETE ON incoming_documents BEGIN
      DELETE FROM incoming_fts WHERE rowid = old.doc_no;
    END;
    INSERT INTO incoming_fts(rowid, trich_yeu, so_ky_hieu, co_quan, nguoi_ky)
      SELECT doc_no, vn_fold(ten_loai || ' ' || trich_yeu), vn_fold(so || '/' || ky_hieu), vn_fold(co_quan_ban_hanh),
             vn_fold(chuc_vu || ' ' || nguoi_ky)
      FROM incoming_documents;

    CREATE VIRTUAL TABLE outgoing_fts USING fts5(
      trich_yeu, so_ky_hieu, co_quan, nguoi_ky, tokenize = 'unicode61 remove_diacritics 0'
    );
    CREATE TRIGGER outgoing_fts_insert AFTER INSERT ON outgoing_documents BEGIN
      INSERT INTO outgoing_fts(rowid, trich_yeu, so_ky_hieu, co_quan, nguoi_ky)
      VALUES (new.doc_no, vn_fold(new.ten_loai || ' ' || new.trich_yeu), vn_fold(coalesce(new.so, '') || '/' || new.ky_hieu),
              vn_fold(new.co_quan_ban_hanh), vn_fold(new.chuc_vu || ' ' || new.nguoi_ky));
    END;
    CREATE TRIGGER outgoing_fts_update AFTER UPDATE OF ten_loai, trich_yeu, so, ky_hieu, co_quan_ban_hanh, chuc_vu, nguoi_ky
      ON outgoing_documents BEGIN
      DELETE FROM outgoing_fts WHERE rowid = old.doc_no;
      INSERT INTO outgoing_fts(rowid, trich_yeu, so_ky_hieu, co_quan, nguoi_ky)
      VALUES (new.doc_no, vn_fold(new.ten_loai || ' ' || new.trich_yeu), vn_fold(coalesce(new.so, '') || '/' || new.ky_hieu),
              vn_fold(new.co_quan_ban_hanh), vn_fold(new.chuc_vu || ' ' || new.nguoi_ky));
    END;
    CREATE TRIGGER outgoing_fts_delete AFTER DELETE ON outgoing_documents BEGIN
      DELETE FROM outgoing_fts WHERE rowid = old.doc_no;
    END;
    INSERT INTO outgoing_fts(rowid, trich_yeu, so_ky_hieu, co_quan, nguoi_ky)
      SELECT doc_no, vn_fold(ten_loai || ' ' || trich_yeu), vn_fold(coalesce(so, '') || '/' || ky_hieu),
             vn_fold(co_quan_ban_hanh), vn_fold(chuc_vu || ' ' || nguoi_ky)
      FROM outgoing_documents;

    -- Filters used beside search: state, urgency, deadline (overdue).
    CREATE INDEX incoming_state ON incoming_documents(state, han_xu_ly);
  `);
}
