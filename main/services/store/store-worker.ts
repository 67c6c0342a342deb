import { performance } from 'node:perf_hooks';
import { parentPort, workerData } from 'node:worker_threads';
import { isVanthuError } from '../../../preload/contract/errors.ts';
import { errorMessageVi } from '../../../preload/contract/error-messages.vi.ts';
import { backupStore } from './backup.ts';
import { dirname } from 'node:path';
import { backupEncryption } from '../vault/backup-key.ts';
import { useFilesKey } from '../cipher/files-key.ts';
import { openDatabase } from './open-database.ts';
import { schemaVersion } from './migrate.ts';
import { storeMethods, type StoreRequest, type StoreResponse, type StoreWorkerData } from './store-protocol.ts';
import { createStore } from './store.ts';

/**
 * The thread that owns the database: every query runs here, so a slow one never blocks the
 * UI's event loop. Requests are served one at a time, which is also SQLite's writer model.
 */
const port = parentPort;
if (port === null) {
  throw new Error('store-worker must run in a worker thread');
}
const data = workerData as StoreWorkerData;
const send = (message: StoreResponse): void => port.postMessage(message);

try {
  // The key first: an encrypted profile is keyed before any other statement touches it.
  const key = data.key === undefined ? undefined : Buffer.from(data.key);
  const db = openDatabase(data.databasePath, key === undefined ? {} : { key });
  useFilesKey(data.filesDir, key ?? null);
  const store = createStore({
    db,
    filesDir: data.filesDir,
    maDinhDanh: data.maDinhDanh,
    tenCoQuan: data.tenCoQuan,
    ...(data.actor === undefined ? {} : { actor: data.actor }),
  });
  // Jobs left in flight by a crash are unknown to us; the server dedupes by Idempotency-Key.
  store.context.outbox.requeueInFlight();
  const methods = storeMethods(store, (destination) =>
    backupStore(
      db,
      data.filesDir,
      destination,
      key === undefined ? undefined : backupEncryption(dirname(data.databasePath), key),
    ),
  );
  // The newest job's rowid, read once after each call: a call that raises it queued work (rowids
  // only grow; O(log n) to read).
  const newestJob = db.prepare(`SELECT coalesce(max(rowid), 0) FROM outbox_jobs`).pluck();
  let newest = newestJob.get() as number;
  port.on('message', (request: StoreRequest | 'close') => {
    if (request === 'close') {
      // Closing checkpoints the WAL into the main file, so a copied profile is self-contained.
      db.close();
      port.close();
      return;
    }
    const started = performance.now();
    try {
      const fn = methods[request.method] as (...args: readonly unknown[]) => unknown;
      const value = fn(...request.args);
      send({ type: 'result', id: request.id, ok: true, value });
      const now = newestJob.get() as number;
      if (now > newest) {
        newest = now;
        send({ type: 'queued', method: request.method });
      }
    } catch (error) {
      if (isVanthuError(error)) {
        send({ type: 'result', id: request.id, ok: false, error: error.toAppError(), bug: false });
      } else {
        const message = error instanceof Error ? error.message : String(error);
        send({
          type: 'result',
          id: request.id,
          ok: false,
          bug: true,
          error: {
            code: 'INTERNAL',
            message: errorMessageVi('INTERNAL'),
            retryable: false,
            details: { cause: message },
          },
        });
      }
    }
    const ms = performance.now() - started;
    if (ms >= data.slowMs) {
      send({ type: 'slow', method: request.method, ms: Math.round(ms) });
    }
  });
  send({ type: 'ready', schemaVersion: schemaVersion(db) });
} catch (error) {
  send({
    type: 'fatal',
    error: isVanthuError(error)
      ? error.toAppError()
      : { code: 'DB_CORRUPT', message: errorMessageVi('DB_CORRUPT'), retryable: false },
  });
}
