import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { VanthuError } from '../../../preload/contract/errors.ts';
import { errorMessageVi } from '../../../preload/contract/error-messages.vi.ts';
import { migrate } from './migrate.ts';
import { registerSqlFunctions } from './sql-functions.ts';

export interface OpenOptions {
  /** Run migrations up to this version (tests); newest by default. */
  readonly targetVersion?: number;
  readonly readonly?: boolean;
}

/**
 * Open the profile database with the settings every connection needs: WAL so readers never
 * wait for the writer, foreign keys on, a busy timeout instead of instant SQLITE_BUSY, and
 * `synchronous = FULL` because an acknowledged registration must survive a power cut.
 */
export function openDatabase(path: string, options: OpenOptions = {}): Database.Database {
  if (path !== ':memory:') {
    mkdirSync(dirname(path), { recursive: true });
  }
  let db: Database.Database;
  try {
    db = new Database(path, { readonly: options.readonly ?? false });
  } catch (error) {
    throw new VanthuError('DB_CORRUPT', errorMessageVi('DB_CORRUPT'), { cause: error });
  }
  try {
    if (!options.readonly) {
      db.pragma('journal_mode = WAL');
    }
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    db.pragma('synchronous = FULL');
    registerSqlFunctions(db);
    if (!options.readonly) {
      migrate(db, options.targetVersion);
    }
    return db;
  } catch (error) {
    db.close();
    if (error instanceof VanthuError) {
      throw error;
    }
    if (
      (error as { code?: string }).code === 'SQLITE_NOTADB' ||
      (error as { code?: string }).code === 'SQLITE_CORRUPT'
    ) {
      throw new VanthuError('DB_CORRUPT', errorMessageVi('DB_CORRUPT'), { cause: error });
    }
    throw error;
  }
}
