import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import CipherDatabase from 'better-sqlite3-multiple-ciphers';
import { VanthuError } from '../../../preload/contract/errors.ts';
import { errorMessageVi } from '../../../preload/contract/error-messages.vi.ts';
import { deriveKey } from '../cipher/profile-key.ts';
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
function applyKey(db: Database.Database, rawKey: Buffer): void {
  db.pragma(`cipher = 'sqlcipher'`);
  db.pragma('legacy = 4');
  db.pragma(`key = "x'${rawKey.toString('hex')}'"`);
  try {
    db.prepare('SELECT count(*) FROM sqlite_schema').get();
  } catch (error) {
    if ((error as { code?: string }).code === 'SQLITE_NOTADB') {
      throw new VanthuError('PROFILE_KEY_WRONG', errorMessageVi('PROFILE_KEY_WRONG'), { cause: error });
    }
    throw error;
  }
}

/**
 * Re-encrypt an open SQLCipher (or plain) connection under another raw key, or decrypt it
 * (`null`). Rewrites every page in one transaction, so the file is wholly one or the other.
 */
export function rekey(db: Database.Database, rawKey: Buffer | null): void {
  db.pragma('journal_mode = DELETE');
  if (rawKey !== null) {
    db.pragma(`cipher = 'sqlcipher'`);
    db.pragma('legacy = 4');
  }
  db.pragma(`rekey = "${rawKey === null ? '' : `x'${rawKey.toString('hex')}'`}"`);
}

/** The connection class: the SQLCipher-capable build for an encrypted profile. */
export function newConnection(
  path: string,
  options: { readonly?: boolean; key?: Buffer; fileMustExist?: boolean; timeout?: number },
): Database.Database {
  const settings = {
    readonly: options.readonly ?? false,
    fileMustExist: options.fileMustExist ?? false,
    ...(options.timeout === undefined ? {} : { timeout: options.timeout }),
  };
  if (options.key === undefined) {
    return new Database(path, settings);
  }
  return openKeyed(path, deriveKey(options.key, 'database'), settings);
}

/**
 * Open a SQLCipher file with a raw 32-byte key (the database's derived key, or a backup's).
 * `PROFILE_KEY_WRONG` when the key does not open it.
 */
export function openKeyed(
  path: string,
  rawKey: Buffer,
  settings: { readonly?: boolean; fileMustExist?: boolean; timeout?: number } = {},
): Database.Database {
  const db = new CipherDatabase(path, settings);
  try {
    applyKey(db, rawKey);
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
    if (options.key !== undefined) {
      // SQLCipher decrypts a page each time it enters SQLite's own cache (the OS cache holds only
      // ciphertext), so a larger cache keeps searches near the plain profile's speed: 32 MB.
      db.pragma('cache_size = -32768');
    }
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
