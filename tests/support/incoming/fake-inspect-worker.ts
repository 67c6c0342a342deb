import { existsSync, writeFileSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import type { InspectWorkerMessage, InspectWorkerRequest } from '../../../main/services/incoming/inspect-protocol.ts';

/**
 * A stand-in for the inspection worker at its message port, for the client's own behaviour:
 * the file's name says what to do — "crash-always" ends the thread every time, "crash-once"
 * the first time only (a marker file remembers), "hang" never answers, anything else is clean.
 */
const port = parentPort;
if (port === null) {
  throw new Error('must run in a worker thread');
}
port.on('message', (message: InspectWorkerRequest) => {
  const { path } = message.request;
  if (path.includes('crash-always')) {
    process.exit(7);
  }
  if (path.includes('crash-once') && !existsSync(`${path}.crashed`)) {
    writeFileSync(`${path}.crashed`, '');
    process.exit(7);
  }
  if (path.includes('hang')) {
    return;
  }
  const answer: InspectWorkerMessage = {
    type: 'done',
    id: message.id,
    inspection: { signatures: [], findings: [], report: null },
  };
  port.postMessage(answer);
});
