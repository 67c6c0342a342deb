import { parentPort, workerData } from 'node:worker_threads';
import { VanthuError, isVanthuError } from '../../../preload/contract/vanthu-error.ts';
import { useFilesKey } from '../cipher/files-key.ts';
import { localChainChecker } from './chain-checker.ts';
import type { ChainWorkerAnswer, ChainWorkerData, ChainWorkerRequest } from './chain-protocol.ts';

/**
 * The issuing chain's checks away from the main thread: reading a stored file back (decrypting
 * and hashing it) and verifying its signatures is a few milliseconds of synchronous work per
 * document, which a batch of a hundred would otherwise add to the signing on the main thread.
 * Requests are answered in the order they come.
 */
const port = parentPort;
if (port === null) {
  throw new Error('chain-worker must run in a worker thread');
}
const data = workerData as ChainWorkerData;
// Each thread keeps its own folder keys: the store's files are sealed in an encrypted profile.
useFilesKey(data.filesDir, data.profileKey === undefined ? null : Buffer.from(data.profileKey));
const checker = localChainChecker(data.filesDir);

async function answer(request: ChainWorkerRequest): Promise<ChainWorkerAnswer> {
  try {
    if (request.type === 'input') {
      const bytes = await checker.input(request.sha256, request.stage, request.check, request.record);
      return { type: 'done', id: request.id, bytes };
    }
    await checker.output(request.check, request.output, request.input, request.record);
    return { type: 'done', id: request.id };
  } catch (error) {
    const known = isVanthuError(error)
      ? error
      : new VanthuError('INTERNAL', error instanceof Error ? error.message : String(error));
    return { type: 'refused', id: request.id, error: known.toAppError() };
  }
}

port.on('message', (request: ChainWorkerRequest) => {
  void answer(request).then((reply) => {
    if (reply.type === 'done' && reply.bytes !== undefined) {
      // The file read back goes to the signing thread without a copy.
      const buffer = ownBuffer(reply.bytes);
      port.postMessage({ ...reply, bytes: new Uint8Array(buffer) }, [buffer]);
      return;
    }
    port.postMessage(reply);
  });
});

/** An ArrayBuffer holding exactly these bytes (a file read may sit in a larger shared pool). */
function ownBuffer(bytes: Uint8Array): ArrayBuffer {
  if (bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer) {
    return bytes.buffer;
  }
  return bytes.slice().buffer;
}
