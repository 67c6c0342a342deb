// The schema's parts take the driver's handle, as number-tables.ts does: db.ts imports them.
import type Database from 'better-sqlite3';

/**
 * The files of a published document, in the sender's order: the document itself ('chinh') and
 * its phụ lục (since API 1.3.0), each with the title the sender gave it. Rows written before
 * 1.3.0 have neither and keep their old order (by name), the document first as before.
 */
export type DocumentFileKind = 'chinh' | 'phu-luc';

/** A type rather than an interface: it is handed to the wire's schemas, whose answers are open objects. */
export type DocumentFile = {
  readonly sha256: string;
  readonly name: string;
  readonly size: number;
  readonly kind: DocumentFileKind;
  readonly title: string | null;
};

/** Columns added in 1.3.0, for a data directory created before them. */
export function addFileColumns(db: Database.Database): void {
  const have = new Set(
    (db.prepare('pragma table_info(document_files)').all() as { name: string }[]).map((c) => c.name),
  );
  const added: Record<string, string> = {
    kind: "text not null default 'chinh' check (kind in ('chinh','phu-luc'))",
    title: 'text',
    position: 'integer',
  };
  for (const [column, type] of Object.entries(added)) {
    if (!have.has(column)) {
      db.exec(`alter table document_files add column ${column} ${type}`);
    }
  }
}

export function documentFiles(db: Database.Database, documentId: string): DocumentFile[] {
  return db
    .prepare(
      `select sha256, name, size, kind, title from document_files where document_id = ?
       order by position is null, position, name`,
    )
    .all(documentId) as DocumentFile[];
}

/** Insert a publication's files in the order given (inside its transaction). */
export function addDocumentFiles(
  db: Database.Database,
  documentId: string,
  files: readonly { sha256: string; name: string; size: number; kind: DocumentFileKind; title: string | null }[],
): void {
  const insert = db.prepare(
    `insert or ignore into document_files (document_id, sha256, name, size, kind, title, position)
     values (?, ?, ?, ?, ?, ?, ?)`,
  );
  files.forEach((file, index) => {
    insert.run(documentId, file.sha256, file.name, file.size, file.kind, file.title, index + 1);
  });
}
