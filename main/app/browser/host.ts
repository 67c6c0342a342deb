import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Services } from '../../ipc/services.ts';
import { dispatch, type HandlerTable } from '../../ipc/dispatch.ts';
import { CONTENT_SECURITY_POLICY } from '../window/csp.ts';
import { checkRpcRequest } from './guard.ts';
import { readStatic } from './static-files.ts';

export interface BrowserHost {
  /** The URL to open, with the secret in the fragment (never sent over HTTP, read by the bridge). */
  readonly url: string;
  readonly origin: string;
  readonly port: number;
  readonly secret: string;
  close(): Promise<void>;
}

export interface BrowserHostOptions {
  readonly table: HandlerTable;
  readonly services: Services;
  readonly staticDir: string;
  readonly port?: number;
}

const MAX_BODY = 1024 * 1024;

/**
 * The browser shell's host: serves the built renderer and answers `window.vanthu` calls
 * from the same handler table Electron registers. Loopback only; a test and fallback harness.
 */
export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const secret = randomBytes(24).toString('base64url');
  let port = 0;
  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      options.services.log.error('browser_host.request_failed', { error });
      if (!res.headersSent) {
        res.writeHead(500).end();
      }
    });
  });

  const guard = (req: IncomingMessage, res: ServerResponse): boolean => {
    const verdict = checkRpcRequest(
      { host: req.headers.host, origin: req.headers.origin, secret: header(req, 'x-vanthu-secret') },
      port,
      secret,
    );
    if (!verdict.ok) {
      options.services.log.warn('browser_host.refused', { reason: verdict.reason, path: req.url });
      res.writeHead(verdict.status, { 'content-type': 'text/plain' }).end('forbidden');
    }
    return verdict.ok;
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    if (path === '/rpc' && req.method === 'POST') {
      if (!guard(req, res)) {
        return;
      }
      const body = await readBody(req);
      const { channel, request } = parseRpc(body);
      const result = await dispatch(options.table, channel, request, { shell: 'browser' }, options.services.log);
      res
        .writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' })
        .end(JSON.stringify(result));
      return;
    }
    if (path === '/events' && req.method === 'POST') {
      if (!guard(req, res)) {
        return;
      }
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store' });
      res.write(': open\n\n');
      const stop = options.services.events.subscribe((event, payload) => {
        res.write(`data: ${JSON.stringify({ event, payload })}\n\n`);
      });
      req.on('close', stop);
      return;
    }
    if (req.method !== 'GET') {
      res.writeHead(405).end();
      return;
    }
    const file = await readStatic(options.staticDir, path);
    if (file === null) {
      res.writeHead(404).end();
      return;
    }
    res
      .writeHead(200, {
        'content-type': file.type,
        'content-security-policy': CONTENT_SECURITY_POLICY,
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'no-referrer',
      })
      .end(file.body);
  }

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/#s=${secret}`,
    origin,
    port,
    secret,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) {
      throw new Error('rpc body too large');
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** The page's call, read without trusting its shape: the request itself is parsed by `dispatch` (zod). */
function parseRpc(body: string): { channel: string; request: unknown } {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return { channel: '', request: undefined };
  }
  if (typeof value !== 'object' || value === null) {
    return { channel: '', request: undefined };
  }
  const channel = 'channel' in value && typeof value.channel === 'string' ? value.channel : '';
  return { channel, request: 'request' in value ? value.request : undefined };
}
