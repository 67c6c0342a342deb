import { parentPort, workerData } from 'node:worker_threads';
import type { Logger } from '../log/logger.ts';
import { createVerifyService } from '../pdf/verify/verify-service.ts';
import { createSettingsStore } from '../settings/settings-store.ts';
import { useFilesKey } from '../cipher/files-key.ts';
import { inspectFile } from './inspect-file.ts';
import type { InspectWorkerData, InspectWorkerMessage, InspectWorkerRequest } from './inspect-protocol.ts';

/**
 * The arrival check's reading of a file, away from the main thread: verifying a 200-page PDF
 * with two signatures is tens of milliseconds of synchronous parsing and hashing, which on the
 * main thread would stall the list's IPC behind every arrival. One request at a time.
 */
const port = parentPort;
if (port === null) {
  throw new Error('inspect-worker must run in a worker thread');
}
const data = workerData as InspectWorkerData;
const send = (message: InspectWorkerMessage): void => port.postMessage(message);
// The verifier's log lines go to the main thread's logger (which redacts and writes the file).
const log: Logger = {
  debug: (event, fields) => send({ type: 'log', level: 'debug', event, ...(fields === undefined ? {} : { fields }) }),
  info: (event, fields) => send({ type: 'log', level: 'info', event, ...(fields === undefined ? {} : { fields }) }),
  warn: (event, fields) => send({ type: 'log', level: 'warn', event, ...(fields === undefined ? {} : { fields }) }),
  error: (event, fields) => send({ type: 'log', level: 'error', event, ...(fields === undefined ? {} : { fields }) }),
};
// Each thread has its own registry of folder keys: the store's files are sealed in an encrypted profile.
useFilesKey(data.filesDir, data.profileKey === undefined ? null : Buffer.from(data.profileKey));
// Trust paths come with each request; the worker's own settings hold none.
const verify = createVerifyService({
  settings: createSettingsStore({ store: {} }),
  log,
  cacheDir: data.cacheDir,
  evidenceDir: data.evidenceDir,
});

port.on('message', (message: InspectWorkerRequest) => {
  inspectFile(verify, message.request, message.trustPaths).then(
    (inspection) => send({ type: 'done', id: message.id, inspection }),
    (error: unknown) =>
      send({ type: 'failed', id: message.id, message: error instanceof Error ? error.message : String(error) }),
  );
});
