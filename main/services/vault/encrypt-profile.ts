import { createHash } from 'node:crypto';
import {
  closeSync,
  copyFileSync,
  existsSync,
  fsyncSync,
  openSync,
  readdirSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import CipherDatabase from 'better-sqlite3-multiple-ciphers';
import type { ProfilePaths } from '../disk/profile-paths.ts';
import { deriveKey } from '../cipher/profile-key.ts';
import { isProfileEncrypted, setUpProfileKey, unlockProfileKey, type KeySources } from './profile-vault.ts';
import { sealTo } from '../cipher/sealed-file.ts';

/**
 * Encrypt an existing plain profile in place, on the first start after the upgrade. Crash-safe
 * at every step, because a kill (power cut, task manager) can land anywhere:
 *
 * 1. `encrypting` marker written and fsynced: from here a start resumes instead of opening.
 * 2. The key made and kept (key file or keystore, and the recovery copy in `vanthu-key.json`).
 * 3. The database: checkpointed, copied beside, the copy encrypted (`PRAGMA rekey`, in its own
 *    rollback journal), fsynced, checked to open with the key, then renamed over the old file —
 *    one atomic step: before it the plain database is whole, after it the encrypted one.
 * 4. Each stored file sealed beside itself and renamed over it, one by one. A file is known to
 *    be still plain because its bytes hash to its name (the store is content-addressed), so a
 *    resumed run never seals a file twice.
 * 5. The marker removed: the profile is encrypted.
 *
 * The database holds no file contents, and until the marker is gone the profile is not opened
 * for work, so the mixed state of step 4 is never seen by the app.
 */
export const MARKER_NAME = 'encrypting.json';

export type EncryptProgress =
  | { readonly phase: 'key' }
  | { readonly phase: 'database'; readonly bytes: number }
  | { readonly phase: 'files'; readonly done: number; readonly total: number }
  | { readonly phase: 'done'; readonly files: number };

export function markerPath(profileRoot: string): string {
  return join(profileRoot, MARKER_NAME);
}

/** True when the profile needs (or is in the middle of) encryption at this start. */
export function needsEncryption(profile: ProfilePaths): boolean {
  if (existsSync(markerPath(profile.root))) {
    return true;
  }
  return !isProfileEncrypted(profile.root) && existsSync(profile.database);
}

function fsyncPath(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function writeDurably(path: string, text: string): void {
  const fd = openSync(path, 'w', 0o600);
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  fsyncPath(dirname(path));
}

function keyed(path: string, key: Buffer): Database.Database {
  const db = new CipherDatabase(path, { fileMustExist: true });
  db.pragma(`cipher = 'sqlcipher'`);
  db.pragma('legacy = 4');
  db.pragma(`key = "x'${deriveKey(key, 'database').toString('hex')}'"`);
  return db;
}

/** Whether the database file opens with the key (the migration's database step is done). */
function opensWithKey(path: string, key: Buffer): boolean {
  try {
    const db = keyed(path, key);
    try {
      db.prepare('SELECT count(*) FROM sqlite_schema').get();
      return true;
    } finally {
      db.close();
    }
  } catch {
    return false;
  }
}

function encryptDatabase(databasePath: string, key: Buffer): void {
  // Everything the WAL holds goes into the main file, so one file is the whole database.
  const plain = new Database(databasePath, { fileMustExist: true });
  try {
    plain.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    plain.close();
  }
  const staging = `${databasePath}.encrypting`;
  for (const suffix of ['', '-journal']) {
    rmSync(`${staging}${suffix}`, { force: true });
  }
  copyFileSync(databasePath, staging);
  const db = new CipherDatabase(staging, { fileMustExist: true });
  try {
    // rekey rewrites every page inside one rollback-journal transaction of the copy.
    db.pragma('journal_mode = DELETE');
    db.pragma(`cipher = 'sqlcipher'`);
    db.pragma('legacy = 4');
    db.pragma(`rekey = "x'${deriveKey(key, 'database').toString('hex')}'"`);
  } finally {
    db.close();
  }
  fsyncPath(staging);
  if (!opensWithKey(staging, key)) {
    throw new Error('the encrypted copy of the database does not open with its key');
  }
  // The old WAL was emptied by the checkpoint; left beside the new file it would be read as its own.
  for (const suffix of ['-wal', '-shm']) {
    rmSync(`${databasePath}${suffix}`, { force: true });
  }
  renameSync(staging, databasePath);
  fsyncPath(dirname(databasePath));
}

function storedFiles(filesDir: string): string[] {
  if (!existsSync(filesDir)) {
    return [];
  }
  const out: string[] = [];
  for (const prefix of readdirSync(filesDir)) {
    if (!/^[0-9a-f]{2}$/.test(prefix)) {
      continue;
    }
    for (const name of readdirSync(join(filesDir, prefix))) {
      const path = join(filesDir, prefix, name);
      if (/^[0-9a-f]{64}$/.test(name)) {
        out.push(path);
      } else if (name.endsWith('.tmp') || name.endsWith('.sealing')) {
        // Left by a crash before its rename: never referred to, safe to drop.
        rmSync(path, { force: true });
      }
    }
  }
  return out.sort();
}

function isStillPlain(path: string): boolean {
  const hash = createHash('sha256');
  const chunk = Buffer.alloc(1024 * 1024);
  const fd = openSync(path, 'r');
  try {
    for (let n = readSync(fd, chunk); n > 0; n = readSync(fd, chunk)) {
      hash.update(chunk.subarray(0, n));
    }
  } finally {
    closeSync(fd);
  }
  return hash.digest('hex') === path.slice(-64);
}

function sealInPlace(path: string, filesKey: Buffer): void {
  const temp = `${path}.sealing`;
  const source = openSync(path, 'r');
  try {
    const out = openSync(temp, 'w', 0o600);
    try {
      sealTo(filesKey, { fd: source, size: statSync(path).size }, out);
      fsyncSync(out);
    } finally {
      closeSync(out);
    }
  } finally {
    closeSync(source);
  }
  renameSync(temp, path);
  fsyncPath(dirname(path));
}

/**
 * Run (or resume) the encryption of a plain profile. Returns the recovery key when this call
 * made the key (to show once), null when it resumed with a key made by an earlier, killed run.
 */
export function encryptProfile(
  profile: ProfilePaths,
  sources: Omit<KeySources, 'profileRoot' | 'recoveryKey'>,
  progress: (p: EncryptProgress) => void = () => undefined,
): { key: Buffer; recoveryKey: string | null } {
  const steps = encryptSteps(profile, sources, progress);
  for (let step = steps.next(); ; step = steps.next()) {
    if (step.done === true) {
      return step.value;
    }
  }
}

/**
 * The same run, giving the event loop a turn after every step (the key, the database, each
 * file), so a shell can paint its progress while a large profile is encrypted.
 */
export async function encryptProfileYielding(
  profile: ProfilePaths,
  sources: Omit<KeySources, 'profileRoot' | 'recoveryKey'>,
  progress: (p: EncryptProgress) => void = () => undefined,
): Promise<{ key: Buffer; recoveryKey: string | null }> {
  const steps = encryptSteps(profile, sources, progress);
  for (let step = steps.next(); ; step = steps.next()) {
    if (step.done === true) {
      return step.value;
    }
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

/** The run as steps, one `yield` after each durable step; the order is what makes kills safe. */
function* encryptSteps(
  profile: ProfilePaths,
  sources: Omit<KeySources, 'profileRoot' | 'recoveryKey'>,
  progress: (p: EncryptProgress) => void,
): Generator<void, { key: Buffer; recoveryKey: string | null }> {
  const marker = markerPath(profile.root);
  let key: Buffer;
  let recoveryKey: string | null = null;
  if (existsSync(marker) && isProfileEncrypted(profile.root)) {
    key = unlockProfileKey({ ...sources, profileRoot: profile.root });
  } else {
    // A marker without an envelope: killed before the key was kept, so nothing was encrypted yet.
    writeDurably(marker, JSON.stringify({ startedBy: 'vanthu', version: 1 }));
    progress({ phase: 'key' });
    const made = setUpProfileKey({ ...sources, profileRoot: profile.root });
    fsyncPath(profile.root);
    key = made.key;
    recoveryKey = made.recoveryKey;
    yield;
  }
  if (existsSync(profile.database) && !opensWithKey(profile.database, key)) {
    // Said before the one long step (the rekey of the whole file), so a window can show it.
    const wal = `${profile.database}-wal`;
    progress({
      phase: 'database',
      bytes: statSync(profile.database).size + (existsSync(wal) ? statSync(wal).size : 0),
    });
    yield;
    encryptDatabase(profile.database, key);
    yield;
  }
  const filesKey = deriveKey(key, 'files');
  const files = storedFiles(profile.files);
  progress({ phase: 'files', done: 0, total: files.length });
  for (const [index, path] of files.entries()) {
    if (isStillPlain(path)) {
      sealInPlace(path, filesKey);
    }
    progress({ phase: 'files', done: index + 1, total: files.length });
    yield;
  }
  rmSync(marker);
  fsyncPath(profile.root);
  progress({ phase: 'done', files: files.length });
  return { key, recoveryKey };
}
