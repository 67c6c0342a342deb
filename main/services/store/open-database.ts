import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import CipherDatabase from 'better-sqlite3-multiple-ciphers';
import { VanthuError } from '../../../preload/contract/errors.ts';
import { errorMessageVi } from '../../../preload/contract/error-messages.vi.ts';
import { deriveKey } from '../vault/profile-key.ts';
import { migrate } from './migrate.ts';
import { registerSqlFunctions } from './sql-functions.ts';

export interface OpenOptions {
  /** Run migrations up to this version (tests); newest by default. */
  readonly targetVersion?: number;
  readonly readonly?: boolean;
  /**
   * The profile key of an encrypted profile (`services/vault`). Without it the file is opened
   * as plain SQLite, as before encryption existed.
   */
  readonly key?: Buffer;
}

/**
 * Key an encrypted connection before anything else touches the file: SQLCipher 4's format
 * (AES-256-CBC pages with an HMAC-SHA512 each), so the standard `sqlcipher` tool opens it too,
 * given the key. The key is raw (`x'…'`), already random, so no PBKDF2 at every open. A
 * wrong key only shows at the first read, so read the schema at once.
 */
function applyKey(db: Database.Database, key: Buffer): void {
  db.pragma(`cipher = 'sqlcipher'`);
  db.pragma('legacy = 4');
  db.pragma(`key = "x'${deriveKey(key, 'database').toString('hex')}'"`);
  try {
    db.prepare('SELECT count(*) FROM sqlite_schema').get();
  } catch (error) {
    if ((error as { code?: string }).code === 'SQLITE_NOTADB') {
      throw new VanthuError('PROFILE_KEY_WRONG', errorMessageVi('PROFILE_KEY_WRONG'), { cause: error });
    }
    throw error;
  }
}

/** The connection class: the SQLCipher-capable build for an encrypted profile. */
export function newConnection(
  path: string,
  options: { readonly?: boolean; key?: Buffer; fileMustExist?: boolean },
): Database.Database {
  const settings = { readonly: options.readonly ?? false, fileMustExist: options.fileMustExist ?? false };
  if (options.key === undefined) {
    return new Database(path, settings);
  }
  const db = new CipherDatabase(path, settings);
  try {
    applyKey(db, options.key);
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
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
    db = newConnection(path, {
      readonly: options.readonly ?? false,
      ...(options.key === undefined ? {} : { key: options.key }),
    });
  } catch (error) {
    if (error instanceof VanthuError) {
      throw error;
    }
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
