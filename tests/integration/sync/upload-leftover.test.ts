import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { partPath } from '../../../server/blobs.ts';
import type { ReferenceServer } from '../../../server/app.ts';
import { startServer } from './support.ts';

/** What the reference server says about an upload, through its public API (as a workstation asks). */
async function declare(url: string, token: string, sha256: string, size: number) {
  const response = await fetch(`${url}/v1/uploads`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ sha256, size }),
  });
  return (await response.json()) as { offset: number; complete: boolean };
}

describe('an upload whose last byte arrived just before the server stopped', () => {
  let server: ReferenceServer | undefined;
  afterEach(async () => {
    await server?.close();
  });

  it('is checked and completed on the next declare; a part that does not match starts again from 0', async () => {
    const started = await startServer();
    server = started.server;
    const login = await fetch(`${started.url}/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'vanthu.snv', password: 'demo' }),
    });
    const { accessToken } = (await login.json()) as { accessToken: string };

    const bytes = Buffer.from('%PDF-1.7\n% every byte arrived, then the server was killed\n%%EOF\n');
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    expect(await declare(started.url, accessToken, sha256, bytes.length)).toMatchObject({ offset: 0, complete: false });
    // The PATCH wrote every byte, and the process died before it checked the hash and kept the file.
    writeFileSync(partPath(started.dataDir, sha256), bytes);
    expect(await declare(started.url, accessToken, sha256, bytes.length)).toMatchObject({
      offset: bytes.length,
      complete: true,
    });

    const other = Buffer.from('%PDF-1.7\n% a part that is not what was declared\n%%EOF\n');
    const declared = createHash('sha256').update(Buffer.from('something else entirely, same length?')).digest('hex');
    expect(await declare(started.url, accessToken, declared, other.length)).toMatchObject({ complete: false });
    writeFileSync(partPath(started.dataDir, declared), other);
    expect(await declare(started.url, accessToken, declared, other.length)).toMatchObject({
      offset: 0,
      complete: false,
    });
  });
});
