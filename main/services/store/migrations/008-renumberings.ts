import type { Database } from 'better-sqlite3';

/**
 * An incoming document that another workstation of the organization registered first takes the
 * server's số đến [ND30 Điều 22 k2: one số đến per document, unique in the organization]. One row
 * per such change: what the document held before (its own final number, now unused, or a
 * provisional one), what it holds now, and how sync learned it. The printed register shows each
 * unused number as a line of its own, so the numbering stays consecutive and honest; the audit
 * chain records the same facts tamper-evidently.
 */
export function up(db: Database): void {
  db.exec(`
    CREATE TABLE incoming_renumberings (
      seq INTEGER PRIMARY KEY,
      incoming_id TEXT NOT NULL REFERENCES incoming_documents(id),
      register_id TEXT NOT NULL REFERENCES registers(id),
      so_den_cu INTEGER,
      so_den_tam_cu INTEGER,
      ngay_den_cu TEXT NOT NULL,
      so_den INTEGER NOT NULL,
      year INTEGER NOT NULL,
      state TEXT NOT NULL,
      via TEXT NOT NULL CHECK (via IN ('inbox', 'conflict')),
      at TEXT NOT NULL,
      CHECK (so_den_cu IS NOT NULL OR so_den_tam_cu IS NOT NULL)
    ) STRICT;
    -- A number given up is given up once; the register printout looks them up per register.
    CREATE UNIQUE INDEX incoming_renumberings_unused ON incoming_renumberings(register_id, so_den_cu)
      WHERE so_den_cu IS NOT NULL;
  `);
}
