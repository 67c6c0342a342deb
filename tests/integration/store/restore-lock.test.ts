import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../../main/services/log/logger.ts';
import { backupStore, restoreStore } from '../../../main/services/store/backup.ts';
import { startStoreWorker } from '../../../main/services/store/store-client.ts';
import { incoming, openLease, openTestStore, ORG } from './helpers.ts';

const CHILD = join(import.meta.dirname, 'hold-child.ts');

function holdOpen(databasePath: string): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CHILD, databasePath], { stdio: ['ignore', 'pipe', 'inherit'] });
    child.stdout
      ?.setEncoding('utf8')
      .once('data', (chunk: string) => (chunk.startsWith('READY') ? resolve(child) : reject(new Error(chunk))));
    child.on('error', reject);
  });
}

const exited = (child: ChildProcess): Promise<unknown> => new Promise((resolve) => child.once('exit', resolve));

describe('restore while the database is in use', () => {
  it('is refused with a clear message while another process holds the database, and works once it is closed', async () => {
    const { store, db, dir } = openTestStore();
    openLease(store);
    store.addIncoming(incoming({ so: '1' }));
    const backup = join(dir, 'sao-luu.vanthu');
    backupStore(db, join(dir, 'files'), backup);
    store.addIncoming(incoming({ so: '2' }));
    db.close();
    const databasePath = join(dir, 'vanthu.sqlite');

    const holder = await holdOpen(databasePath);
    try {
      expect(() => restoreStore(backup, databasePath, join(dir, 'files'))).toThrow(
        expect.objectContaining({
          code: 'DB_BUSY',
          message: expect.stringMatching(/đang mở cơ sở dữ liệu.*đóng ứng dụng/),
        }),
      );
    } finally {
      holder.kill('SIGKILL');
      await exited(holder);
    }
    // Nothing changed: the document added after the backup is still there.
    const after = openTestStore({ dir });
    expect(after.store.listIncoming().length).toBe(2);
    after.db.close();

    expect(restoreStore(backup, databasePath, join(dir, 'files'))).toMatchObject({ documents: 1 });
  });

  it('is refused while the app’s own store worker has it open in this process', async () => {
    const { store, db, dir } = openTestStore();
    openLease(store);
    store.addIncoming(incoming());
    const backup = join(dir, 'sao-luu.vanthu');
    backupStore(db, join(dir, 'files'), backup);
    db.close();
    const databasePath = join(dir, 'vanthu.sqlite');
    const client = await startStoreWorker({
      databasePath,
      filesDir: join(dir, 'files'),
      maDinhDanh: ORG,
      log: silentLogger,
    });
    try {
      expect(() => restoreStore(backup, databasePath, join(dir, 'files'))).toThrow(
        expect.objectContaining({ code: 'DB_BUSY' }),
      );
    } finally {
      await client.close();
    }
    expect(restoreStore(backup, databasePath, join(dir, 'files'))).toMatchObject({ documents: 1 });
  });
});
