import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import CipherDatabase from 'better-sqlite3-multiple-ciphers';
import { VanthuError } from '../../../preload/contract/errors.ts';
import { errorMessageVi } from '../../../preload/contract/error-messages.vi.ts';
import { isVanthuError } from '../../../preload/contract/errors.ts';
import { useFilesKey } from '../cipher/files-key.ts';
import { keyFromRecovery, parseEnvelope } from '../vault/key-files.ts';
import { deriveKey } from '../cipher/profile-key.ts';
import { parseRecoveryKey, recoveryWrappingKey } from '../vault/recovery-key.ts';
import type { BackupEncryption } from '../vault/backup-key.ts';
import { attachmentPath, readAttachment, rewriteAttachmentFile, sha256Of } from './attachments.ts';
import { newConnection, openKeyed, rekey } from './open-database.ts';
import { verifyAudit } from './audit.ts';
import { LATEST_VERSION } from './migrations/index.ts';
import { registerSqlFunctions } from './sql-functions.ts';

/** What a restore may need: the recovery key for an encrypted backup. */
export interface RestoreKeys {
  readonly recoveryKey?: string;
  /** The current profile's key: an old, plain backup restored into an encrypted profile is encrypted with it. */
  readonly profileKey?: Buffer;
  /** Refuse a plain backup (the profile is encrypted but its key is not at hand). */
  readonly refusePlain?: boolean;
}

/**
 * A backup is one SQLite file: a consistent snapshot of the database (`VACUUM INTO` reads one
 * transaction's view, so the app may keep writing) plus every attachment as a blob keyed by
 * its SHA-256. One file is easy to copy to a USB disk, and restore can check all of it.
 */
export function backupStore(
  db: Database.Database,
  filesDir: string,
  destination: string,
  encryption?: BackupEncryption,
): { path: string; bytes: number; encrypted: boolean } {
  const temp = `${destination}.${process.pid}.tmp`;
  mkdirSync(dirname(destination), { recursive: true });
  rmSync(temp, { force: true });
  // From an encrypted profile the snapshot comes out encrypted with the database's key.
  db.prepare(`VACUUM INTO ?`).run(temp);
  const out = encryption === undefined ? new Database(temp) : openKeyed(temp, encryption.databaseKey);
  try {
    if (encryption !== undefined) {
      // Under the backup key (from the recovery key) before the files' plaintext goes in.
      rekey(out, encryption.backupKey);
      out.exec(`CREATE TABLE backup_key_envelope (json TEXT NOT NULL) STRICT`);
      out.prepare(`INSERT INTO backup_key_envelope (json) VALUES (?)`).run(encryption.envelopeJson);
    }
    out.exec(`CREATE TABLE backup_files (sha256 TEXT PRIMARY KEY, content BLOB NOT NULL) STRICT`);
    const insert = out.prepare(`INSERT INTO backup_files (sha256, content) VALUES (?, ?)`);
    const hashes = out.prepare(`SELECT sha256 FROM attachments`).pluck().all() as string[];
    out.transaction(() => {
      for (const sha256 of hashes) {
        if (existsSync(attachmentPath(filesDir, sha256))) {
          insert.run(sha256, readAttachment(filesDir, sha256));
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
  return { path: destination, bytes: statSync(destination).size, encrypted: encryption !== undefined };
}

export interface RestoreReport {
  readonly schemaVersion: number;
  readonly documents: number;
  readonly files: number;
  readonly auditEntries: number;
  /** Whether the restored profile is encrypted. */
  readonly encrypted: boolean;
  /** The key envelope the backup carried: the caller puts it in the profile and re-wraps the key. */
  readonly envelopeJson?: string;
}

function isNotADatabase(error: unknown): boolean {
  return (error as { code?: string }).code === 'SQLITE_NOTADB';
}

/**
 * Open a backup: plain (made before encryption, or from a plain profile) or encrypted under
 * the backup key, which only the recovery key gives. The profile key comes from the envelope
 * the backup carries (opened by the same recovery key), or is the current one for a plain backup.
 */
function openBackup(path: string, keys: RestoreKeys): { db: Database.Database; profileKey: Buffer | undefined } {
  // The SQLCipher build even for a plain backup, so it can be encrypted for an encrypted profile.
  const plain = new CipherDatabase(path, { fileMustExist: true });
  try {
    plain.prepare('SELECT count(*) FROM sqlite_schema').get();
    if (keys.refusePlain === true) {
      plain.close();
      throw new VanthuError(
        'PROFILE_LOCKED',
        errorMessageVi(
          'PROFILE_LOCKED',
          'Mở khóa hồ sơ trước khi khôi phục một bản sao lưu chưa mã hóa vào hồ sơ đã mã hóa.',
        ),
      );
    }
    return { db: plain, profileKey: keys.profileKey };
  } catch (error) {
    plain.close();
    if (!isNotADatabase(error)) {
      throw error;
    }
  }
  if (keys.recoveryKey === undefined) {
    throw new VanthuError(
      'PROFILE_LOCKED',
      errorMessageVi('PROFILE_LOCKED', 'Bản sao lưu đã được mã hóa: cần khóa khôi phục in lúc thiết lập để khôi phục.'),
      { details: { backup: 'encrypted' } },
    );
  }
  const recovery = parseRecoveryKey(keys.recoveryKey);
  const wrong = new VanthuError(
    'PROFILE_KEY_WRONG',
    errorMessageVi('PROFILE_KEY_WRONG', 'Khóa khôi phục không mở được bản sao lưu này.'),
    { details: { backup: 'encrypted' } },
  );
  if (recovery === null) {
    throw wrong;
  }
  let db: Database.Database;
  try {
    db = openKeyed(path, recoveryWrappingKey(recovery, 'backup'), { fileMustExist: true });
  } catch (error) {
    throw isVanthuError(error) && error.code === 'PROFILE_KEY_WRONG' ? wrong : error;
  }
  const json = db.prepare(`SELECT json FROM backup_key_envelope`).pluck().get() as string | undefined;
  const profileKey = json === undefined ? undefined : keyFromRecovery(parseEnvelope(json), keys.recoveryKey);
  if (profileKey === undefined || profileKey === null) {
    db.close();
    throw corrupt('(bản sao lưu thiếu khóa hồ sơ)');
  }
  return { db, profileKey };
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
export function assertDatabaseNotInUse(databasePath: string, key?: Buffer): void {
  if (!existsSync(databasePath)) {
    return;
  }
  const probe = newConnection(databasePath, { fileMustExist: true, timeout: 0, ...(key === undefined ? {} : { key }) });
  try {
    probe.pragma('locking_mode = EXCLUSIVE');
    probe.exec('BEGIN EXCLUSIVE');
    probe.exec('ROLLBACK');
  } catch (error) {
    if (isNotADatabase(error) && key === undefined) {
      // Encrypted and its key not at hand (a lost key file): the probe cannot read the file. An
      // open WAL-mode connection keeps its -wal file; without one, nobody has it open.
      if (existsSync(`${databasePath}-wal`)) {
        throw new VanthuError('DB_BUSY', errorMessageVi('DB_BUSY', 'Hãy đóng ứng dụng Văn thư số rồi khôi phục lại.'), {
          details: { databasePath },
        });
      }
      return;
    }
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
export function restoreStore(
  backupPath: string,
  databasePath: string,
  filesDir: string,
  keys: RestoreKeys = {},
): RestoreReport {
  if (!existsSync(backupPath)) {
    throw new VanthuError('FILE_NOT_FOUND', errorMessageVi('FILE_NOT_FOUND', backupPath));
  }
  assertDatabaseNotInUse(databasePath, keys.profileKey);
  const staging = join(dirname(databasePath), `restore.${process.pid}.sqlite`);
  rmSync(staging, { force: true });
  copyFileSync(backupPath, staging);
  let report: RestoreReport;
  let opened: { db: Database.Database; profileKey: Buffer | undefined };
  try {
    opened = openBackup(staging, keys);
  } catch (error) {
    rmSync(staging, { force: true });
    throw error;
  }
  const { db, profileKey } = opened;
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
    const restoredEnvelope =
      profileKey === undefined || keys.recoveryKey === undefined
        ? null
        : (db.prepare(`SELECT json FROM backup_key_envelope`).pluck().get() as string);
    // Files are written (sealed, in an encrypted profile) with the restored profile's key.
    useFilesKey(filesDir, profileKey ?? null);
    try {
      for (const blob of blobs) {
        rewriteAttachmentFile(filesDir, blob.content);
      }
    } finally {
      useFilesKey(filesDir, null);
    }
    db.exec(`DROP TABLE backup_files`);
    db.exec(`DROP TABLE IF EXISTS backup_key_envelope`);
    db.exec(`VACUUM`);
    // The restored database under the profile's own key, not the backup's.
    if (profileKey !== undefined) {
      rekey(db, deriveKey(profileKey, 'database'));
    }
    report = {
      schemaVersion: version,
      documents: (db.prepare(`SELECT count(*) FROM incoming_documents`).pluck().get() as number) ?? 0,
      files: blobs.length,
      auditEntries: audit.entries,
      encrypted: profileKey !== undefined,
      ...(restoredEnvelope === null ? {} : { envelopeJson: restoredEnvelope }),
    };
  } catch (error) {
    db.close();
    rmSync(staging, { force: true });
    throw error;
  }
  db.close();
  // Checked again just before the swap: the checks above take a while on a large backup.
  assertDatabaseNotInUse(databasePath, keys.profileKey);
  for (const suffix of ['-wal', '-shm']) {
    rmSync(`${databasePath}${suffix}`, { force: true });
  }
  renameSync(staging, databasePath);
  return report;
}
