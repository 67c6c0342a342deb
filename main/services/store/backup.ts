import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { VanthuError } from '../../../preload/contract/errors.ts';
import { errorMessageVi } from '../../../preload/contract/error-messages.vi.ts';
import { attachmentPath, sha256Of, writeAttachmentFile } from './attachments.ts';
import { verifyAudit } from './audit.ts';
import { LATEST_VERSION } from './migrations/index.ts';
import { registerSqlFunctions } from './sql-functions.ts';

/**
 * A backup is one SQLite file: a consistent snapshot of the database (`VACUUM INTO` reads one
 * transaction's view, so the app may keep writing) plus every attachment as a blob keyed by
 * its SHA-256. One file is easy to copy to a USB disk, and restore can check all of it.
 */
export function backupStore(
  db: Database.Database,
  filesDir: string,
  destination: string,
): { path: string; bytes: number } {
  const temp = `${destination}.${process.pid}.tmp`;
  mkdirSync(dirname(destination), { recursive: true });
  rmSync(temp, { force: true });
  db.prepare(`VACUUM INTO ?`).run(temp);
  const out = new Database(temp);
  try {
    out.exec(`CREATE TABLE backup_files (sha256 TEXT PRIMARY KEY, content BLOB NOT NULL) STRICT`);
    const insert = out.prepare(`INSERT INTO backup_files (sha256, content) VALUES (?, ?)`);
    const hashes = out.prepare(`SELECT sha256 FROM attachments`).pluck().all() as string[];
    out.transaction(() => {
      for (const sha256 of hashes) {
        const path = attachmentPath(filesDir, sha256);
        if (existsSync(path)) {
          insert.run(sha256, readFileSync(path));
        }
      }
      out
        .prepare(
          `INSERT INTO meta (key, value) VALUES ('backup_created_at', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`,
        )
        .run(new Date().toISOString());
    })();
  } finally {
    out.close();
  }
  renameSync(temp, destination);
  return { path: destination, bytes: statSync(destination).size };
}

export interface RestoreReport {
  readonly schemaVersion: number;
  readonly documents: number;
  readonly files: number;
  readonly auditEntries: number;
}

function corrupt(detail: string): VanthuError {
  return new VanthuError('DB_CORRUPT', errorMessageVi('DB_CORRUPT', detail), { details: { detail } });
}

/**
 * Refuse to touch a database another connection holds open. Every WAL-mode connection keeps a
 * shared lock on the database file while it is open, even idle, so an exclusive lock taken
 * without waiting (`locking_mode = EXCLUSIVE` + `BEGIN EXCLUSIVE`) succeeds only when nobody
 * else — the app's store worker, another `vanthu` command — has it open. Replacing the file
 * under them would lose what they write next, or what waits in their WAL.
 */
export function assertDatabaseNotInUse(databasePath: string): void {
  if (!existsSync(databasePath)) {
    return;
  }
  const probe = new Database(databasePath, { fileMustExist: true, timeout: 0 });
  try {
    probe.pragma('locking_mode = EXCLUSIVE');
    probe.exec('BEGIN EXCLUSIVE');
    probe.exec('ROLLBACK');
  } catch (error) {
    if ((error as { code?: string }).code === 'SQLITE_BUSY' || (error as { code?: string }).code === 'SQLITE_LOCKED') {
      throw new VanthuError(
        'DB_BUSY',
        errorMessageVi(
          'DB_BUSY',
          'Ứng dụng Văn thư số (hoặc một lệnh vanthu khác) đang mở cơ sở dữ liệu này. Hãy đóng ứng dụng rồi khôi phục lại.',
        ),
        { details: { databasePath } },
      );
    }
    throw error;
  } finally {
    // Closing the last connection also checkpoints the old WAL into the file we replace next.
    probe.close();
  }
}

/**
 * Check a backup and put it in place of the profile's database and files. Nothing in the
 * profile changes until the whole backup has been checked: integrity, version, every file's
 * hash, the audit chain. Refused while the app (or another command) has the database open.
 */
export function restoreStore(backupPath: string, databasePath: string, filesDir: string): RestoreReport {
  if (!existsSync(backupPath)) {
    throw new VanthuError('FILE_NOT_FOUND', errorMessageVi('FILE_NOT_FOUND', backupPath));
  }
  assertDatabaseNotInUse(databasePath);
  const staging = join(dirname(databasePath), `restore.${process.pid}.sqlite`);
  rmSync(staging, { force: true });
  copyFileSync(backupPath, staging);
  let report: RestoreReport;
  const db = new Database(staging);
  try {
    registerSqlFunctions(db);
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') {
      throw corrupt(String(integrity));
    }
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > LATEST_VERSION) {
      throw new VanthuError('DB_FROM_FUTURE', errorMessageVi('DB_FROM_FUTURE'), {
        details: { schemaVersion: version },
      });
    }
    const blobs = db.prepare(`SELECT sha256, content FROM backup_files`).all() as { sha256: string; content: Buffer }[];
    for (const blob of blobs) {
      if (sha256Of(blob.content) !== blob.sha256) {
        throw corrupt(`(tệp ${blob.sha256.slice(0, 12)} sai mã băm)`);
      }
    }
    const audit = verifyAudit(db);
    if (!audit.ok) {
      throw new VanthuError('AUDIT_BROKEN', errorMessageVi('AUDIT_BROKEN'), { details: { brokenAt: audit.brokenAt } });
    }
    for (const blob of blobs) {
      writeAttachmentFile(filesDir, blob.content);
    }
    db.exec(`DROP TABLE backup_files`);
    db.exec(`VACUUM`);
    report = {
      schemaVersion: version,
      documents: (db.prepare(`SELECT count(*) FROM incoming_documents`).pluck().get() as number) ?? 0,
      files: blobs.length,
      auditEntries: audit.entries,
    };
  } catch (error) {
    db.close();
    rmSync(staging, { force: true });
    throw error;
  }
  db.close();
  // Checked again just before the swap: the checks above take a while on a large backup.
  assertDatabaseNotInUse(databasePath);
  for (const suffix of ['-wal', '-shm']) {
    rmSync(`${databasePath}${suffix}`, { force: true });
  }
  renameSync(staging, databasePath);
  return report;
}
