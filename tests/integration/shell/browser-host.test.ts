import { mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserHost, type BrowserHost } from '../../../main/app/browser/host.ts';
import { composeServices } from '../../../main/app/compose.ts';
import type { Services } from '../../../main/ipc/services.ts';
import { createHandlerTable } from '../../../main/ipc/handlers.ts';

/** Raw HTTP so the test controls Host and Origin exactly (fetch would not let us forge them). */
function post(
  host: BrowserHost,
  path: string,
  headers: Record<string, string>,
  body: unknown,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: host.port,
        path,
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
      },
      (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString('utf8')));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}

describe('browser shell host', () => {
  let host: BrowserHost;
  let services: Services;
  let good: Record<string, string>;

  beforeAll(async () => {
    const profileDir = mkdtempSync(join(tmpdir(), 'vanthu-host-'));
    const staticDir = mkdtempSync(join(tmpdir(), 'vanthu-static-'));
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Văn thư số</title>');
    services = composeServices({ profileDir, shell: 'browser' });
    host = await startBrowserHost({ table: createHandlerTable(services), services, staticDir });
    good = { host: `127.0.0.1:${host.port}`, origin: host.origin, 'x-vanthu-secret': host.secret };
  });
  afterAll(async () => host.close());

  it('binds to loopback and hands the secret only in the URL fragment', () => {
    expect(host.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(host.url).toBe(`${host.origin}/#s=${host.secret}`);
    expect(host.secret.length).toBeGreaterThanOrEqual(32);
  });

  it('serves the renderer with the CSP header', async () => {
    const res = await fetch(`${host.origin}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await res.text()).toContain('Văn thư số');
  });

  it('answers app.getInfo through the shared handler table', async () => {
    const res = await post(host, '/rpc', good, { channel: 'app.getInfo', request: {} });
    expect(res.status).toBe(200);
    const result = JSON.parse(res.body) as { ok: boolean; value: { shell: string; profileDir: string } };
    expect(result).toMatchObject({ ok: true, value: { shell: 'browser', profileDir: services.profile.root } });
  });

  it('refuses a request without the secret', async () => {
    const { 'x-vanthu-secret': _omit, ...noSecret } = good;
    const res = await post(host, '/rpc', noSecret, { channel: 'app.getInfo', request: {} });
    expect(res.status).toBe(403);
    expect(res.body).not.toContain('profileDir');
  });

  it('refuses a request from another Origin, even with the secret', async () => {
    const res = await post(
      host,
      '/rpc',
      { ...good, origin: 'http://evil.example' },
      { channel: 'app.getInfo', request: {} },
    );
    expect(res.status).toBe(403);
  });

  it('refuses a foreign Host header', async () => {
    const res = await post(
      host,
      '/rpc',
      { ...good, host: `evil.example:${host.port}` },
      { channel: 'app.getInfo', request: {} },
    );
    expect(res.status).toBe(421);
  });

  it('streams main → renderer events to an authorised listener', async () => {
    const res = await fetch(`${host.origin}/events`, {
      method: 'POST',
      headers: { 'x-vanthu-secret': host.secret, origin: host.origin },
    });
    const reader = res.body!.getReader();
    await reader.read(); // the ": open" comment
    services.events.emit('app.notice', { level: 'info', message: 'Đã kết nối' });
    const { value } = await reader.read();
    expect(new TextDecoder().decode(value)).toContain('Đã kết nối');
    await reader.cancel();
  });
});
