import { randomBytes } from 'node:crypto';
import axios from 'axios';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiClient } from '../../../main/services/sync/api-client.ts';
import { createAxiosTransport } from '../../../main/services/sync/transport.ts';
import { createReferenceServer, type ReferenceServer } from '../../../server/app.ts';
import { seedDemo } from '../../../server/seed.ts';
import { generateServerCertificate } from '../../../server/tls.ts';
import { sha256, startServer, tempDir } from './support.ts';

describe('reference server protocol', () => {
  let server: ReferenceServer | undefined;
  afterEach(async () => {
    await server?.close();
  });

  async function session(url: string) {
    const login = await axios.post(`${url}/v1/auth/login`, { username: 'vanthu.snv', password: 'demo' });
    return axios.create({
      baseURL: url,
      validateStatus: () => true,
      headers: { authorization: `Bearer ${(login.data as { accessToken: string }).accessToken}` },
    });
  }

  it('applies an Idempotency-Key once and answers repeats with the first answer', async () => {
    const started = await startServer();
    server = started.server;
    const http = await session(started.url);
    const body = { registerKind: 'di', year: 2026, count: 10, workstationId: 'ws1' };
    const first = await http.post('/v1/leases', body, { headers: { 'idempotency-key': 'lease-key-0001' } });
    const repeat = await http.post('/v1/leases', body, { headers: { 'idempotency-key': 'lease-key-0001' } });
    const other = await http.post('/v1/leases', body, { headers: { 'idempotency-key': 'lease-key-0002' } });
    expect(first.status).toBe(201);
    expect(repeat.data).toEqual(first.data);
    expect(other.data).toMatchObject({ from: 11, to: 20 });
    const misuse = await http.post(
      '/v1/leases',
      { ...body, count: 5 },
      { headers: { 'idempotency-key': 'lease-key-0001' } },
    );
    expect(misuse.status).toBe(422);
    expect((await http.post('/v1/leases', body)).status).toBe(400);
  });

  it('takes 15/16 only as the answer to a recall, and 01–06 only before it', async () => {
    const started = await startServer();
    server = started.server;
    const http = await session(started.url);
    const { document_id: id } = started.server.db
      .prepare('select document_id from deliveries where to_org = ? limit 1')
      .get('000.00.01.H99') as { document_id: string };
    const status = (code: string, key: string) =>
      http.post(`/v1/documents/${id}/statuses`, { code }, { headers: { 'idempotency-key': key } });
    expect((await status('15', 'answer-early-001')).data).toMatchObject({ code: 'NOT_RECALLED' });
    expect((await status('03', 'status-live-0001')).status).toBe(201);
    started.server.db.prepare('update documents set recalled_at = ?, recall_reason = ? where id = ?').run(1, 'Sai', id);
    expect((await status('05', 'status-late-0001')).data).toMatchObject({ code: 'DOCUMENT_RECALLED' });
    expect((await status('15', 'answer-recall-01')).status).toBe(201);
    expect(started.server.db.prepare('select code from statuses where document_id = ? order by id').all(id)).toEqual([
      { code: '03' },
      { code: '15' },
    ]);
  });

  it('resumes an upload from the offset the server holds and verifies the hash', async () => {
    const started = await startServer();
    server = started.server;
    const http = await session(started.url);
    const bytes = randomBytes(100_000);
    const hash = sha256(bytes);
    const patch = (offset: number, chunk: Buffer) =>
      http.patch(`/v1/uploads/${hash}`, chunk, {
        headers: { 'content-type': 'application/offset+octet-stream', 'upload-offset': String(offset) },
      });
    expect((await http.post('/v1/uploads', { sha256: hash, size: bytes.length })).data).toMatchObject({
      offset: 0,
      complete: false,
    });
    expect((await patch(0, bytes.subarray(0, 40_000))).headers['upload-offset']).toBe('40000');
    // A client that lost track sends from 0 again: told where the server is.
    const stale = await patch(0, bytes.subarray(0, 10));
    expect(stale.status).toBe(409);
    expect(stale.headers['upload-offset']).toBe('40000');
    expect((await http.head(`/v1/uploads/${hash}`)).headers['upload-offset']).toBe('40000');
    expect((await patch(40_000, bytes.subarray(40_000))).status).toBe(204);
    expect((await http.post('/v1/uploads', { sha256: hash, size: bytes.length })).data).toMatchObject({
      complete: true,
    });
    const ranged = await http.get(`/v1/files/${hash}`, {
      headers: { range: 'bytes=99990-' },
      responseType: 'arraybuffer',
    });
    expect(ranged.status).toBe(206);
    expect(Buffer.from(ranged.data as ArrayBuffer)).toEqual(bytes.subarray(99_990));

    // Bytes that do not match the declared hash are discarded.
    const wrong = sha256(Buffer.from('something else'));
    await http.post('/v1/uploads', { sha256: wrong, size: 5 });
    const bad = await http.patch(`/v1/uploads/${wrong}`, Buffer.from('abcde'), {
      headers: { 'content-type': 'application/offset+octet-stream', 'upload-offset': '0' },
    });
    expect(bad.status).toBe(422);
    expect((await http.head(`/v1/uploads/${wrong}`)).headers['upload-offset']).toBe('0');
  });

  it('requires a reason for status 02 and refuses plain HTTP off loopback', async () => {
    const started = await startServer();
    server = started.server;
    const http = await session(started.url);
    const { document_id: id } = started.server.db
      .prepare('select document_id from deliveries where to_org = ? limit 1')
      .get('000.00.01.H99') as { document_id: string };
    const noReason = await http.post(
      `/v1/documents/${id}/statuses`,
      { code: '02' },
      { headers: { 'idempotency-key': 'status-key-01' } },
    );
    expect(noReason.status).toBe(400);
    const withReason = await http.post(
      `/v1/documents/${id}/statuses`,
      { code: '02', reason: 'Sai nơi nhận' },
      { headers: { 'idempotency-key': 'status-key-02' } },
    );
    expect(withReason.status).toBe(201);
    await expect(started.server.listen(0, '0.0.0.0')).rejects.toThrow(/loopback/);
  });

  it('serves HTTPS with a generated certificate, which the client trusts only when configured', async () => {
    const tls = await generateServerCertificate(['127.0.0.1', 'localhost']);
    server = createReferenceServer({ dataDir: tempDir('tls'), tls });
    seedDemo(server.state);
    const url = await server.listen(0);
    expect(url).toMatch(/^https:/);
    const credentials = () => ({ username: 'vanthu.snv', password: 'demo' });
    // real time: the reference server and its TLS certificate run on the real clock.
    const trusting = new ApiClient(createAxiosTransport({ baseUrl: url, ca: tls.cert }), credentials, () => new Date());
    expect((await trusting.inbox(null)).items).toHaveLength(3);
    // Verification is never switched off: an unknown certificate is a setup problem, not a retry.
    // real time: as above.
    const strict = new ApiClient(createAxiosTransport({ baseUrl: url }), credentials, () => new Date());
    await expect(strict.inbox(null)).rejects.toMatchObject({ failure: { kind: 'permanent', code: 'TLS' } });
  });
});
