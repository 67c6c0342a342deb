import { Agent as HttpsAgent } from 'node:https';
import { Agent as HttpAgent } from 'node:http';
import type { Readable } from 'node:stream';
import axios, { type AxiosInstance } from 'axios';
import { errorMessageVi, VanthuError } from '../../../preload/contract/index.ts';

export interface HttpRequest {
  readonly method: 'GET' | 'POST' | 'PATCH' | 'HEAD' | 'PUT';
  readonly path: string;
  readonly query?: Record<string, string>;
  readonly headers?: Record<string, string>;
  readonly json?: unknown;
  readonly body?: Buffer;
  /** 'stream' hands back the body unread (downloads); otherwise JSON or nothing. */
  readonly responseType?: 'json' | 'stream';
  readonly timeoutMs?: number;
  readonly signal?: AbortSignal;
  readonly onUploadProgress?: (loaded: number) => void;
}

export interface HttpResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly data: unknown;
}

/** The port sync talks through; the axios adapter below is the only production implementation. */
export interface SyncTransport {
  request(request: HttpRequest): Promise<HttpResponse>;
}

export interface TransportOptions {
  readonly baseUrl: string;
  /** PEM CA certificates to trust in addition to the system store (a province's private CA). */
  readonly ca?: string;
  /** Per-request timeout when the request gives none. */
  readonly timeoutMs?: number;
  readonly connectTimeoutMs?: number;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

/** HTTPS is required except to this machine; anything else is refused before a byte is sent. */
export function assertSecureUrl(baseUrl: string): URL {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new VanthuError('SYNC_INSECURE_URL', errorMessageVi('SYNC_INSECURE_URL'), { details: { baseUrl } });
  }
  if (url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.has(url.hostname))) {
    return url;
  }
  throw new VanthuError('SYNC_INSECURE_URL', errorMessageVi('SYNC_INSECURE_URL'), { details: { baseUrl } });
}

export function createAxiosTransport(options: TransportOptions): SyncTransport {
  const url = assertSecureUrl(options.baseUrl);
  const keepAlive = { keepAlive: true, maxSockets: 8 };
  // rejectUnauthorized is stated, not defaulted: TLS verification is never switched off.
  const httpsAgent = new HttpsAgent({
    ...keepAlive,
    rejectUnauthorized: true,
    ...(options.ca === undefined ? {} : { ca: options.ca }),
  });
  const client: AxiosInstance = axios.create({
    baseURL: url.toString().replace(/\/$/, ''),
    timeout: options.timeoutMs ?? 30_000,
    httpAgent: new HttpAgent(keepAlive),
    httpsAgent,
    maxRedirects: 0,
    maxBodyLength: Infinity,
    maxContentLength: Infinity,
    validateStatus: () => true,
    transitional: { clarifyTimeoutError: true },
  });
  return {
    async request(request) {
      const response = await client.request({
        method: request.method,
        url: request.path,
        ...(request.query === undefined ? {} : { params: request.query }),
        headers: {
          ...(request.json === undefined ? {} : { 'content-type': 'application/json' }),
          ...request.headers,
        },
        data: request.json ?? request.body,
        responseType: request.responseType === 'stream' ? 'stream' : 'json',
        ...(request.timeoutMs === undefined ? {} : { timeout: request.timeoutMs }),
        ...(request.signal === undefined ? {} : { signal: request.signal }),
        ...(request.onUploadProgress === undefined
          ? {}
          : { onUploadProgress: (event: { loaded: number }) => request.onUploadProgress?.(event.loaded) }),
      });
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(response.headers as Record<string, unknown>)) {
        if (typeof value === 'string') {
          headers[name.toLowerCase()] = value;
        }
      }
      return { status: response.status, headers, data: response.data as unknown | Readable };
    },
  };
}
