import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CustomScheme, Net, Protocol } from 'electron';
import type { Timeline } from './timeline.ts';

type ProtocolHandler = Parameters<Protocol['handle']>[1];

/**
 * `protocol`: privileged schemes may only be registered before `ready`, handlers only after it,
 * one per scheme (Electron throws otherwise). `serve()` is how the double's windows load a page.
 */
export class ProtocolDouble implements Pick<Protocol, 'registerSchemesAsPrivileged' | 'handle' | 'isProtocolHandled'> {
  readonly privileged: CustomScheme[] = [];
  readonly #handlers = new Map<string, ProtocolHandler>();
  readonly #timeline: Timeline;
  readonly #isReady: () => boolean;

  constructor(timeline: Timeline, isReady: () => boolean) {
    this.#timeline = timeline;
    this.#isReady = isReady;
  }

  registerSchemesAsPrivileged(customSchemes: CustomScheme[]): void {
    if (this.#isReady()) {
      throw new Error('protocol.registerSchemesAsPrivileged should be called before app is ready');
    }
    this.privileged.push(...customSchemes);
    this.#timeline.record(
      'protocol.registerSchemesAsPrivileged',
      customSchemes.map((s) => s.scheme),
    );
  }

  handle(scheme: string, handler: ProtocolHandler): void {
    if (!this.#isReady()) {
      throw new Error('protocol.handle should be called after app is ready');
    }
    if (this.#handlers.has(scheme)) {
      throw new Error(`Failed to register protocol: ${scheme}`);
    }
    this.#handlers.set(scheme, handler);
    this.#timeline.record('protocol.handle', scheme);
  }

  isProtocolHandled(scheme: string): boolean {
    return this.#handlers.has(scheme);
  }

  /** A request from a page for `url`, answered by the registered handler as Chromium would ask it. */
  async serve(url: string): Promise<Response> {
    const scheme = new URL(url).protocol.replace(/:$/, '');
    const handler = this.#handlers.get(scheme);
    if (handler === undefined) {
      throw new Error(`ERR_UNKNOWN_URL_SCHEME (-302) loading '${url}'`);
    }
    return handler(new Request(url));
  }
}

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

/** `net`: `fetch` of file: URLs (what the protocol handler asks for) and a switchable `isOnline`. */
export class NetDouble implements Pick<Net, 'fetch' | 'isOnline'> {
  online = true;
  onlineChecks = 0;

  async fetch(input: string | Request): Promise<Response> {
    const url = typeof input === 'string' ? input : input.url;
    if (!url.startsWith('file:')) {
      throw new Error(`the double's net.fetch serves file: URLs only, not ${url}`);
    }
    const path = fileURLToPath(url);
    try {
      const body = await readFile(path);
      return new Response(body, {
        status: 200,
        headers: { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' },
      });
    } catch {
      // Electron's net.fetch rejects for a missing file (net::ERR_FILE_NOT_FOUND).
      throw new Error(`net::ERR_FILE_NOT_FOUND ${url}`);
    }
  }

  isOnline(): boolean {
    this.onlineChecks += 1;
    return this.online;
  }
}
