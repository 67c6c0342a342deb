import { existsSync } from 'node:fs';
import { newConnection } from './open-database.ts';
import { LATEST_VERSION } from './migrations/index.ts';
import type { AppInfo } from '../../../preload/contract/app.ts';

type DatabaseStatus = AppInfo['database'];

/** The newest schema version this build understands; the store's migrations keep it in step. */
export const SUPPORTED_SCHEMA_VERSION = LATEST_VERSION;

/**
 * Report the database's state without changing it (read-only open, `user_version` only). An
 * encrypted profile's database is opened keyed, through the same SQLite build as the store's:
 * a second SQLite copy opening and closing the file in this process would drop the store's POSIX
 * locks, so another process (the CLI) closing its connection would take itself for the last one
 * and remove the WAL the store still writes to.
 */
export function readDatabaseStatus(path: string, supported = SUPPORTED_SCHEMA_VERSION, key?: Buffer): DatabaseStatus {
  if (!existsSync(path)) {
    return { state: 'missing', schemaVersion: 0, path };
  }
  try {
    const db = newConnection(path, { readonly: true, fileMustExist: true, ...(key === undefined ? {} : { key }) });
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
