import type { Database } from 'better-sqlite3';
import { foldVietnamese } from '../../domain/fold.ts';
import { registerDueFunctions } from './due-sql.ts';

/**
 * SQL functions the schema relies on (the search triggers call `vn_fold`, the due triggers `vn_due_at`). Registered on
 * every connection before migrations run; a connection without them cannot write documents,
 * which is intended: only the app writes this database.
 */
export function registerSqlFunctions(db: Database): void {
  db.function('vn_fold', { deterministic: true }, (text: unknown) =>
    typeof text === 'string' ? foldVietnamese(text) : '',
  );
  // The due-time triggers (migration 011) call vn_due_at and vn_due_immediate.
  registerDueFunctions(db);
}
