import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { join } from 'node:path';
import type { PkiMaterial } from '../pki/build.ts';
import { msFromNow } from '../clock/clock.ts';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createNetServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address !== null ? resolve(address.port) : reject()));
    });
  });
}

/**
 * Wait for the responder's "waiting for OCSP client connections" line. A probe connection would
 * not do: `openssl ocsp` serves one connection at a time and would block on the empty probe.
 */
async function waitForReady(child: ChildProcess): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`openssl ocsp did not start: ${seen}`)), 10_000);
    child.stderr?.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      if (seen.includes('waiting for OCSP client connections')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`openssl ocsp exited with ${code}: ${seen}`));
    });
  });
}

export interface OcspEntry {
  readonly serialHex: string;
  readonly revoked: boolean;
}

function opensslDate(date: Date): string {
  return `${date.toISOString().replace(/[-:T]/g, '').slice(2, 14)}Z`;
}

/**
 * `openssl ocsp` as the responder for the sub CA (OpenSSL 3.0 takes a bare port; the certificates
 * point at 127.0.0.1), answering from an index file in the
 * `openssl ca` format (V = valid, R = revoked). The sub CA signs its own answers.
 */
export async function startOcspResponder(
  pki: PkiMaterial,
  dir: string,
  port: number,
  entries: readonly OcspEntry[],
): Promise<{ stop(): void }> {
  const index = join(dir, 'index.txt');
  const expiry = opensslDate(msFromNow(365 * 86_400_000));
  const revokedAt = opensslDate(msFromNow(-3_600_000));
  writeFileSync(
    index,
    entries
      .map((e) =>
        [
          e.revoked ? 'R' : 'V',
          expiry,
          e.revoked ? revokedAt : '',
          e.serialHex.toUpperCase(),
          'unknown',
          `/CN=${e.serialHex}`,
        ].join('\t'),
      )
      .join('\n') + '\n',
  );
  const child = spawn(
    'openssl',
    [
      'ocsp',
      '-port',
      String(port),
      '-index',
      index,
      '-CA',
      pki.subPem,
      '-rsigner',
      pki.subPem,
      '-rkey',
      join(pki.dir, 'sub.key.pem'),
      '-nmin',
      '60',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  await waitForReady(child);
  return { stop: () => child.kill() };
}

/** A loopback HTTP server publishing one CRL at /sub.crl. */
/** Serves CRLs by path: one CRL at /sub.crl, or several keyed by path ('/root.crl': …). */
export async function startCrlServer(
  port: number,
  crl: Uint8Array | Readonly<Record<string, Uint8Array>>,
): Promise<{ stop(): Promise<void> }> {
  const byPath = crl instanceof Uint8Array ? { '/sub.crl': crl } : crl;
  const server: Server = createHttpServer((req, res) => {
    const body = byPath[req.url ?? ''];
    if (body !== undefined) {
      res.writeHead(200, { 'content-type': 'application/pkix-crl' });
      res.end(Buffer.from(body));
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { stop: () => new Promise((resolve) => server.close(() => resolve())) };
}
