import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import { LATEST_VERSION } from './migrations/index.ts';
import type { AppInfo } from '../../../preload/contract/app.ts';

type DatabaseStatus = AppInfo['database'];

/** The newest schema version this build understands; the store's migrations keep it in step. */
export const SUPPORTED_SCHEMA_VERSION = LATEST_VERSION;

/** Report the database's state without changing it (read-only open, `user_version` only). */
export function readDatabaseStatus(path: string, supported = SUPPORTED_SCHEMA_VERSION): DatabaseStatus {
  if (!existsSync(path)) {
    return { state: 'missing', schemaVersion: 0, path };
  }
  try {
    const db = new Database(path, { readonly: true, fileMustExist: true });
    try {
      const version = db.pragma('user_version', { simple: true }) as number;
      return { state: version > supported ? 'from-future' : 'ready', schemaVersion: version, path };
    } finally {
      db.close();
    }
  } catch {
    return { state: 'corrupt', schemaVersion: 0, path };
  }
}
