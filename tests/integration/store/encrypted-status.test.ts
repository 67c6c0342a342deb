import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { composeServices } from '../../../main/app/compose.ts';
import { profilePaths } from '../../../main/services/disk/profile-paths.ts';
import { silentLogger } from '../../../main/services/log/logger.ts';
import { newConnection } from '../../../main/services/store/open-database.ts';
import { startProfile } from '../../../main/services/vault/profile-start.ts';

const OPEN_AND_CLOSE = `
import { openDatabase } from '${join(import.meta.dirname, '../../../main/services/store/open-database.ts')}';
const db = openDatabase(process.argv[1], { key: Buffer.from(process.argv[2], 'hex') });
db.prepare('SELECT count(*) FROM sqlite_schema').get();
db.close();
`;

/*
 * The app's status line reads the database's schema version beside the running store. On an
 * encrypted profile it must open it keyed, through the store's own SQLite build: a plain
 * better-sqlite3 opening and closing the file in the app's process dropped the store worker's
 * POSIX locks, so the next command-line run closing its connection removed the WAL the store
 * kept writing to, and what the app wrote after was invisible to every other process.
 */
describe('the database status of an encrypted profile beside the running store', () => {
  const profileDir = join(mkdtempSync(join(tmpdir(), 'vanthu-status-')), 'profile');
  const { key } = startProfile(profilePaths(profileDir), { keyFile: `${profileDir}.key` }, { encryptPlain: true });
  const services = composeServices({
    profileDir,
    shell: 'cli',
    log: silentLogger,
    ...(key === undefined ? {} : { profileKey: key }),
  });
  afterAll(() => services.store.close());

  it('is ready, and another process opening and closing the database loses nothing the app writes after', async () => {
    services.settings.update({ organization: { maDinhDanh: '000.00.00.H49', name: 'UBND tỉnh X' } });
    await services.store.call('profile.update', { role: 'van-thu' });
    expect(services.databaseStatus()).toMatchObject({ state: 'ready' });

    execFileSync(process.execPath, [
      '--input-type=module',
      '-e',
      OPEN_AND_CLOSE,
      profilePaths(profileDir).database,
      key?.toString('hex') ?? '',
    ]);
    await services.store.call('profile.update', { role: 'lanh-dao' });

    const reader = newConnection(profilePaths(profileDir).database, {
      readonly: true,
      fileMustExist: true,
      ...(key === undefined ? {} : { key }),
    });
    try {
      expect(JSON.stringify(reader.prepare('SELECT * FROM profiles').all())).toContain('lanh-dao');
    } finally {
      reader.close();
    }
  });
});
