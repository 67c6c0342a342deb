import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import { ensureBlobDirs } from './blobs.ts';
import { openServerDb, type ServerDb } from './db.ts';
import { createFaults, NO_FAULTS, type FaultConfig, type Faults } from './faults.ts';
import { HttpProblem, sendProblem, type RequestContext } from './http.ts';
import { matchRoute, type Route } from './router.ts';
import { adminRoutes } from './routes/admin.ts';
import { authRoutes } from './routes/auth.ts';
import { calendarAdminRoutes, calendarRoutes } from './routes/calendar.ts';
import { directoryRoutes } from './routes/directory.ts';
import { documentRoutes } from './routes/documents.ts';
import { fileRoutes } from './routes/files.ts';
import { leaseRoutes } from './routes/leases.ts';
import { numberRoutes } from './routes/numbers.ts';
import { registersFeedRoutes } from './routes/registers-feed.ts';
import { officeRoutes } from './routes/office.ts';
import { outgoingRoutes } from './routes/outgoing.ts';
import { peopleRoutes } from './routes/people.ts';
import { uploadRoutes } from './routes/uploads.ts';
import type { ServerState } from './state.ts';

export const API_VERSION = '1.7.0';

/** Every public route; tests check this list against server/openapi.yaml. */
export const ROUTES: readonly Route[] = [
  ...authRoutes,
  ...directoryRoutes,
  ...calendarRoutes,
  ...leaseRoutes,
  ...numberRoutes,
  ...registersFeedRoutes,
  ...documentRoutes,
  ...fileRoutes,
  ...uploadRoutes,
  ...outgoingRoutes,
  ...peopleRoutes,
  ...officeRoutes,
];

export interface ReferenceServerOptions {
  readonly dataDir: string;
  readonly faults?: FaultConfig;
  /** Injected so a long outage can be lived through in simulated time. */
  readonly now?: () => number;
  /** PEM key and certificate: serve HTTPS; otherwise plain HTTP, which is only allowed on loopback. */
  readonly tls?: { readonly key: string; readonly cert: string };
}

export interface ReferenceServer {
  readonly state: ServerState;
  readonly db: ServerDb;
  readonly faults: Faults;
  listen(port: number, host?: string): Promise<string>;
  close(): Promise<void>;
}

function isLoopback(address: string | undefined): boolean {
  return address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1';
}

async function handle(state: ServerState, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://server.invalid');
  const base: RequestContext = { req, res, url, params: {}, faults: state.faults, loseAnswer: false };
  try {
    if (url.pathname.startsWith('/__admin/')) {
      if (!isLoopback(req.socket.remoteAddress)) {
        throw new HttpProblem(403, 'FORBIDDEN', 'Chỉ truy cập từ máy cục bộ.');
      }
      const admin = matchRoute([...adminRoutes, ...calendarAdminRoutes], req.method ?? 'GET', url.pathname);
      if (admin === null || admin === 'method-not-allowed') {
        throw new HttpProblem(404, 'NOT_FOUND', 'Không có địa chỉ này.');
      }
      await admin.route.handler(state, { ...base, params: admin.params });
      return;
    }
    if (state.faults.inOutage(state.now())) {
      // An outage looks like an unreachable server: no answer at all.
      req.socket?.destroy();
      return;
    }
    const { latencyMs } = state.faults.config();
    if (latencyMs > 0) {
      await delay(latencyMs);
    }
    const matched = matchRoute(ROUTES, req.method ?? 'GET', url.pathname);
    if (matched === null) {
      throw new HttpProblem(404, 'NOT_FOUND', 'Không có địa chỉ này.');
    }
    if (matched === 'method-not-allowed') {
      throw new HttpProblem(405, 'METHOD_NOT_ALLOWED', 'Phương thức không được hỗ trợ.');
    }
    const fault = state.faults.requestFault();
    if (fault === 'fail-before') {
      req.resume();
      const retryAfter: Record<string, string> = Math.random() < 0.5 ? { 'retry-after': '1' } : {};
      throw new HttpProblem(503, 'UNAVAILABLE', 'Máy chủ tạm thời quá tải.', {}, retryAfter);
    }
    await matched.route.handler(state, {
      ...base,
      params: matched.params,
      loseAnswer: fault === 'lose-answer' && matched.route.mutation,
    });
  } catch (error) {
    if (res.headersSent || (req.socket?.destroyed ?? true)) {
      res.destroy();
      return;
    }
    if (error instanceof HttpProblem) {
      await sendProblem(base, error);
      return;
    }
    res.writeHead(500, { 'content-type': 'application/problem+json; charset=utf-8' });
    res.end(JSON.stringify({ status: 500, code: 'INTERNAL', detail: 'Lỗi máy chủ.' }));
    process.emitWarning(`reference server bug: ${(error as Error).stack ?? String(error)}`);
  }
}

export function createReferenceServer(options: ReferenceServerOptions): ReferenceServer {
  ensureBlobDirs(options.dataDir);
  const db = openServerDb(`${options.dataDir}/server.sqlite`);
  const faults = createFaults(options.faults ?? NO_FAULTS);
  const state: ServerState = {
    db,
    dataDir: options.dataDir,
    now: options.now ?? Date.now,
    faults,
    uploadLocks: new Set(),
  };
  const listener = (req: IncomingMessage, res: ServerResponse) => {
    res.setHeader('x-api-version', API_VERSION);
    void handle(state, req, res);
  };
  const server: Server =
    options.tls === undefined ? createHttpServer(listener) : createHttpsServer(options.tls, listener);
  return {
    state,
    db,
    faults,
    listen(port, host = '127.0.0.1') {
      if (options.tls === undefined && !['127.0.0.1', '::1', 'localhost'].includes(host)) {
        return Promise.reject(new Error('Plain HTTP is served on loopback only; pass a certificate for other hosts.'));
      }
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          const address = server.address() as AddressInfo;
          const scheme = options.tls === undefined ? 'http' : 'https';
          const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
          resolve(`${scheme}://${shownHost}:${address.port}`);
        });
      });
    },
    close() {
      return new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          db.close();
          resolve();
        });
      });
    },
  };
}
