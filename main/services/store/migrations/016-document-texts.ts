import type { Database } from 'better-sqlite3';

/** What the FTS row of an incoming document holds; `noi_dung` is its file's OCR text (or empty). */
const INCOMING_ROW = `vn_fold(new.ten_loai || ' ' || new.trich_yeu), vn_fold(new.so || '/' || new.ky_hieu),
  vn_fold(new.co_quan_ban_hanh), vn_fold(new.chuc_vu || ' ' || new.nguoi_ky),
  vn_fold(coalesce((SELECT t.text FROM document_texts t WHERE t.sha256 = new.file_sha256), ''))`;

/**
 * The text read from a scan (issue #21 point 3), kept beside the stored file it was read from
 * (keyed by the file's SHA-256, as the content store is) and searched with the document.
 *
 * A text may be saved before the document exists (the clerk reads the scan, then registers it)
 * or after: the incoming FTS row picks the text up when the document is added, and a saved text
 * refreshes the rows of the documents already holding that file. The search index gains a
 * `noi_dung` column; `incoming_fts MATCH` looks at every column, so the search query is unchanged.
 * Outgoing documents are born digital (a text layer), so only the incoming index changes.
 */
export function up(db: Database): void {
  db.exec(`
    CREATE TABLE document_texts (
      sha256 TEXT PRIMARY KEY,
      source TEXT NOT NULL CHECK (source IN ('ocr')),
      text TEXT NOT NULL,
      pages INTEGER NOT NULL CHECK (pages >= 0),
      confidence REAL NOT NULL CHECK (confidence BETWEEN 0 AND 100),
      created_at TEXT NOT NULL
    ) STRICT;

    DROP TRIGGER incoming_fts_insert;
    DROP TRIGGER incoming_fts_update;
    DROP TABLE incoming_fts;
    CREATE VIRTUAL TABLE incoming_fts USING fts5(
      trich_yeu, so_ky_hieu, co_quan, nguoi_ky, noi_dung, tokenize = 'unicode61 remove_diacritics 0', prefix = '1 2 3'
    );
    INSERT INTO incoming_fts(rowid, trich_yeu, so_ky_hieu, co_quan, nguoi_ky, noi_dung)
      SELECT doc_no, vn_fold(ten_loai || ' ' || trich_yeu), vn_fold(so || '/' || ky_hieu), vn_fold(co_quan_ban_hanh),
             vn_fold(chuc_vu || ' ' || nguoi_ky), ''
      FROM incoming_documents;

    CREATE TRIGGER incoming_fts_insert AFTER INSERT ON incoming_documents BEGIN
      INSERT INTO incoming_fts(rowid, trich_yeu, so_ky_hieu, co_quan, nguoi_ky, noi_dung)
      VALUES (new.doc_no, ${INCOMING_ROW});
    END;
    CREATE TRIGGER incoming_fts_update
      AFTER UPDATE OF ten_loai, trich_yeu, so, ky_hieu, co_quan_ban_hanh, chuc_vu, nguoi_ky, file_sha256
      ON incoming_documents BEGIN
      DELETE FROM incoming_fts WHERE rowid = old.doc_no;
      INSERT INTO incoming_fts(rowid, trich_yeu, so_ky_hieu, co_quan, nguoi_ky, noi_dung)
      VALUES (new.doc_no, ${INCOMING_ROW});
    END;
    -- A text saved (or read again) after registration: the documents holding that file are re-indexed.
    CREATE TRIGGER document_texts_fts AFTER INSERT ON document_texts BEGIN
      UPDATE incoming_fts SET noi_dung = vn_fold(new.text)
        WHERE rowid IN (SELECT doc_no FROM incoming_documents WHERE file_sha256 = new.sha256);
    END;
    CREATE TRIGGER document_texts_fts_update AFTER UPDATE OF text ON document_texts BEGIN
      UPDATE incoming_fts SET noi_dung = vn_fold(new.text)
        WHERE rowid IN (SELECT doc_no FROM incoming_documents WHERE file_sha256 = new.sha256);
    END;
  `);
}
