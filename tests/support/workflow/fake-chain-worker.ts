import { parentPort } from 'node:worker_threads';
import type { ChainWorkerAnswer, ChainWorkerRequest } from '../../../main/services/workflow/chain-protocol.ts';

/**
 * A stand-in for the chain worker at its message port, for the client's own behaviour: an input
 * whose hash starts with "dead" ends the thread; any other is answered with three bytes.
 */
const port = parentPort;
if (port === null) {
  throw new Error('must run in a worker thread');
}
port.on('message', (request: ChainWorkerRequest) => {
  if (request.type === 'input' && request.sha256.startsWith('dead')) {
    process.exit(7);
  }
  const answer: ChainWorkerAnswer = { type: 'done', id: request.id, bytes: new Uint8Array([1, 2, 3]) };
  port.postMessage(answer);
});
