import type { Database } from 'better-sqlite3';
import { VanthuError } from '../../../preload/contract/errors.ts';
import { errorMessageVi } from '../../../preload/contract/error-messages.vi.ts';
import { MIGRATIONS, type Migration } from './migrations/index.ts';

export function schemaVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Bring the schema up to `target` (default: the newest). Each migration and its
 * `user_version` bump commit together, so a crash leaves the database at a whole version.
 * A database written by a newer build is refused rather than guessed at.
 */
export function migrate(
  db: Database,
  target = MIGRATIONS.length,
  migrations: readonly Migration[] = MIGRATIONS,
): number {
  const current = schemaVersion(db);
  if (current > migrations.length) {
    throw new VanthuError(
      'DB_FROM_FUTURE',
      errorMessageVi('DB_FROM_FUTURE', `(phiên bản dữ liệu ${current}, ứng dụng hỗ trợ đến ${migrations.length})`),
      { details: { schemaVersion: current, supported: migrations.length } },
    );
  }
  for (const migration of migrations) {
    if (migration.version <= current || migration.version > target) {
      continue;
    }
    // A migration that rebuilds a table needs foreign keys off (a pragma that is ignored inside a
    // transaction); the check before commit proves the rebuild orphaned nothing.
    const foreignKeys = db.pragma('foreign_keys', { simple: true }) === 1;
    if (migration.rebuildsTables === true && foreignKeys) {
      db.pragma('foreign_keys = OFF');
    }
    try {
      db.transaction(() => {
        migration.up(db);
        if (migration.rebuildsTables === true && (db.pragma('foreign_key_check') as unknown[]).length > 0) {
          throw new Error(`migration ${migration.version} left rows without their parent`);
        }
        db.pragma(`user_version = ${migration.version}`);
      }).immediate();
    } finally {
      if (migration.rebuildsTables === true && foreignKeys) {
        db.pragma('foreign_keys = ON');
      }
    }
  }
  return schemaVersion(db);
}
