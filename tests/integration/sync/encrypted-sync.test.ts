import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { attachmentPath, readAttachment } from '../../../main/services/store/attachments.ts';
import type { ReferenceServer } from '../../../server/app.ts';
import { closeWorkstations, openWorkstation, sha256, startServer, virtualClock } from './support.ts';

const SNV = '000.00.01.H99';

describe('sync between encrypted profiles', () => {
  let server: ReferenceServer | undefined;
  afterEach(async () => {
    closeWorkstations();
    await server?.close();
  });

  it('uploads the plaintext of a sealed file and seals the file it downloads', async () => {
    const clock = virtualClock();
    const started = await startServer(undefined, () => clock.ms());
    server = started.server;
    const snv = openWorkstation({ url: started.url, username: 'vanthu.snv', clock, key: randomBytes(32) });
    const stc = openWorkstation({ url: started.url, username: 'vanthu.stc', clock, key: randomBytes(32) });

    // Several upload chunks' worth, not a multiple of the sealed chunk size.
    const bytes = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(9 * 1024 * 1024 + 77)]);
    const hash = snv.putFile(bytes);
    expect(readFileSync(attachmentPath(snv.filesDir, hash)).includes(Buffer.from('%PDF'))).toBe(false);
    const documentId = '0195f0a0-0000-7000-8000-000000000001';
    snv.outbox.enqueue({
      kind: 'file.upload',
      key: hash,
      payload: { sha256: hash, size: bytes.length, fileName: 'vb.pdf' },
    });
    snv.outbox.enqueue({
      kind: 'outgoing.publish',
      key: documentId,
      payload: {
        documentId,
        maDinhDanhVanBan: `${SNV},2026/03/02,1/SNV-VP`,
        recipients: [{ maDinhDanh: '000.00.02.H99', ten: 'Sở Tài chính' }],
        signedSha256: hash,
      },
    });
    await snv.engine.runUntilIdle({ maxRounds: 20 });
    // The server checks the SHA-256 of what it received: ciphertext would never complete.
    expect(snv.outbox.counts()).toMatchObject({ pending: 0, failed: 0 });

    await stc.engine.runUntilIdle({ maxRounds: 20 });
    const received = stc.db
      .prepare(`select file_sha256 from incoming_documents where file_sha256 = ?`)
      .pluck()
      .get(hash);
    expect(received).toBe(hash);
    expect(readFileSync(attachmentPath(stc.filesDir, hash)).includes(Buffer.from('%PDF'))).toBe(false);
    expect(sha256(Buffer.from(readAttachment(stc.filesDir, hash)))).toBe(hash);
  });
});
