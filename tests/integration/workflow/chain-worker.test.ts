import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { isVanthuError, type VanthuError } from '../../../preload/contract/vanthu-error.ts';
import { useFilesKey } from '../../../main/services/cipher/files-key.ts';
import { silentLogger, type Logger } from '../../../main/services/log/logger.ts';
import { writeAttachmentFile } from '../../../main/services/store/attachments.ts';
import { localChainChecker, type ChainChecker } from '../../../main/services/workflow/chain-checker.ts';
import { createChainWorker, type ChainWorker } from '../../../main/services/workflow/chain-worker-client.ts';
import { makeDocument } from '../../support/corpus/make-document.ts';

/*
 * The issuing chain's reads and checks run in a worker thread beside the signing
 * (main/services/workflow/chain-worker-client.ts): the same verdicts as in the calling thread,
 * refusals with their code and reason, and a worker that dies refuses what it held and is replaced.
 */
const dir = mkdtempSync(join(tmpdir(), 'vanthu-chain-worker-'));
const FAKE = fileURLToPath(new URL('../../support/workflow/fake-chain-worker.ts', import.meta.url));
const opened: ChainWorker[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((w) => w.close()));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function open(filesDir: string, options: { profileKey?: Buffer; script?: string; log?: Logger } = {}): ChainWorker {
  const worker = createChainWorker({ filesDir, log: options.log ?? silentLogger, ...options });
  opened.push(worker);
  return worker;
}

async function refusal(check: Promise<unknown>): Promise<ReturnType<VanthuError['toAppError']>> {
  const error: unknown = await check.then(
    () => null,
    (e: unknown) => e,
  );
  if (!isVanthuError(error)) {
    throw new Error(`expected a refusal, got ${String(error)}`);
  }
  return error.toAppError();
}

describe('the chain checks in their worker thread', () => {
  it('reads a sealed stored file back and refuses what the calling thread refuses, with the same reason', async () => {
    const filesDir = join(dir, 'files-sealed');
    const profileKey = randomBytes(32);
    useFilesKey(filesDir, profileKey);
    try {
      // A PDF without the số and date fields: not a draft the leader may sign.
      const plain = (await makeDocument()).bytes;
      const sha = writeAttachmentFile(filesDir, plain);
      const worker = open(filesDir, { profileKey });
      const local: ChainChecker = localChainChecker(filesDir);
      const inWorker = await refusal(worker.input(sha, 'du-thao', 'draft'));
      expect(inWorker).toMatchObject({ code: 'ISSUING_CHAIN_BROKEN', details: { reason: 'DRAFT_NOT_PREPARED' } });
      expect(inWorker).toEqual(await refusal(local.input(sha, 'du-thao', 'draft')));
      // Not a draft, but a file the worker decrypted and hashed: read as a signed input it is refused for that.
      expect(await refusal(worker.input(sha, 'da-ky', 'signed'))).toMatchObject({
        details: { reason: 'NOT_SIGNED' },
      });
      expect(await refusal(worker.input('0'.repeat(64), 'du-thao', 'draft'))).toMatchObject({ code: 'FILE_NOT_FOUND' });
      // An output that does not start with its input is not that input signed.
      expect(await refusal(worker.output('signed', new Uint8Array([37, 80, 68, 70]), plain))).toMatchObject({
        details: { reason: 'DRAFT_NOT_COVERED' },
      });
    } finally {
      useFilesKey(filesDir, null);
    }
  });

  it('refuses the checks a dead worker held, says so in the log, and answers the next from a new one', async () => {
    const warnings: string[] = [];
    const worker = open(join(dir, 'files-fake'), {
      script: FAKE,
      log: { ...silentLogger, warn: (event) => warnings.push(event) },
    });
    const dead = await refusal(worker.input(`dead${'0'.repeat(60)}`, 'du-thao', 'draft'));
    expect(dead).toMatchObject({ code: 'INTERNAL', retryable: true });
    expect(dead.message).toMatch(/^Luồng kiểm tra chuỗi ban hành dừng đột ngột/u);
    expect(warnings).toEqual(['issuing.chain-worker-lost']);
    expect([...(await worker.input('1'.repeat(64), 'du-thao', 'draft'))]).toEqual([1, 2, 3]);
  });

  it('once closed, refuses every check', async () => {
    const worker = open(join(dir, 'files-closed'), { script: FAKE });
    worker.warm();
    await worker.close();
    expect(await refusal(worker.input('1'.repeat(64), 'du-thao', 'draft'))).toMatchObject({ code: 'INTERNAL' });
  });
});
