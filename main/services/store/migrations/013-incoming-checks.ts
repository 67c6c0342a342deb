import type { Database } from 'better-sqlite3';

/** The table-level rule of 001 that every incoming document holds a number from the moment it exists. */
const NUMBER_ALWAYS = /,\s*CHECK \(so_den IS NOT NULL OR so_den_tam IS NOT NULL\)/;

/**
 * Rebuild incoming_documents without its CHECK (SQLite cannot drop one in place), keeping every
 * row, index, trigger and the views that read it. Runs with foreign keys off (the migration says
 * so, migrate.ts obeys); the caller's foreign_key_check proves nothing was orphaned.
 */
function dropNumberCheck(db: Database): void {
  const table = db
    .prepare(`SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = 'incoming_documents'`)
    .pluck()
    .get() as string;
  if (!NUMBER_ALWAYS.test(table)) {
    return;
  }
  const dependents = db
    .prepare(
      `SELECT sql FROM sqlite_schema WHERE tbl_name = 'incoming_documents' AND type IN ('index', 'trigger')
         AND sql IS NOT NULL ORDER BY type, name`,
    )
    .pluck()
    .all() as string[];
  const views = db.prepare(`SELECT name, sql FROM sqlite_schema WHERE type = 'view' ORDER BY rowid`).all() as {
    name: string;
    sql: string;
  }[];
  // Legacy rename: the triggers of other tables that read the views are left as written, unchecked.
  db.pragma('legacy_alter_table = ON');
  for (const view of [...views].reverse()) {
    db.exec(`DROP VIEW ${view.name}`);
  }
  db.exec(
    table.replace(NUMBER_ALWAYS, '').replace(/^CREATE TABLE "?incoming_documents"?/, 'CREATE TABLE incoming_next'),
  );
  db.exec(`INSERT INTO incoming_next SELECT * FROM incoming_documents`);
  db.exec(`DROP TABLE incoming_documents`);
  db.exec(`ALTER TABLE incoming_next RENAME TO incoming_documents`);
  for (const sql of dependents) {
    db.exec(sql);
  }
  for (const view of views) {
    db.exec(view.sql);
  }
  db.pragma('legacy_alter_table = OFF');
}

/**
 * Incoming documents are checked before they enter the sổ [S-TN26 Điều 8 k1b→k2a; TT 41/2017 Điều 7]:
 * - an arrival waits, unnumbered, in đã đến until the văn thư tiếp nhận it; số đến is given then.
 *   A document without a number can only be đã đến, trả lại or thu hồi (trigger, since the CHECK
 *   of 001 said every document had one);
 * - `arrival_check` keeps the verdict of the background check (signatures and their kinds, active
 *   content, malware scan, scan quality) as JSON, `check_verdict` its verdict for the list;
 * - `file_removed_at`: when a recalled document's file was deleted from this workstation;
 * - a returned document keeps the number it may hold (never reused); the printed sổ shows it as unused.
 */
export function up(db: Database): void {
  dropNumberCheck(db);
  db.exec(`
    ALTER TABLE incoming_documents ADD COLUMN arrival_check TEXT;
    ALTER TABLE incoming_documents ADD COLUMN check_verdict TEXT
      CHECK (check_verdict IN ('valid', 'indeterminate', 'invalid', 'not-applicable'));
    ALTER TABLE incoming_documents ADD COLUMN file_removed_at TEXT;
    CREATE INDEX incoming_check_pending ON incoming_documents(created_at)
      WHERE check_verdict IS NULL AND file_sha256 IS NOT NULL AND state = 'da-den';

    CREATE TRIGGER incoming_number_insert BEFORE INSERT ON incoming_documents
      WHEN NEW.so_den IS NULL AND NEW.so_den_tam IS NULL AND NEW.state NOT IN ('da-den', 'tra-lai', 'thu-hoi')
    BEGIN
      SELECT RAISE(ABORT, 'INCOMING_UNNUMBERED: only a document not yet received may lack a số đến');
    END;
    CREATE TRIGGER incoming_number_update BEFORE UPDATE ON incoming_documents
      WHEN NEW.so_den IS NULL AND NEW.so_den_tam IS NULL AND NEW.state NOT IN ('da-den', 'tra-lai', 'thu-hoi')
    BEGIN
      SELECT RAISE(ABORT, 'INCOMING_UNNUMBERED: only a document not yet received may lack a số đến');
    END;

  `);
}
