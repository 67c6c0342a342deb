import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface TsaMaterial {
  readonly keyPem: string;
  readonly certPem: string;
  /** Issuer chain (PEM) included in replies. */
  readonly chainPem: string;
}

export interface LoopbackTsa {
  readonly url: string;
  /** Number of requests answered so far. */
  requests(): number;
  close(): Promise<void>;
}

/**
 * A real RFC 3161 time-stamping authority on 127.0.0.1, answering each POST with
 * `openssl ts -reply` signed by the test PKI's 'tsa' certificate.
 */
export async function startLoopbackTsa(material: TsaMaterial): Promise<LoopbackTsa> {
  const dir = mkdtempSync(join(tmpdir(), 'vanthu-tsa-'));
  const config = join(dir, 'tsa.cnf');
  writeFileSync(join(dir, 'serial'), '01\n');
  writeFileSync(
    config,
    [
      '[ tsa ]',
      'default_tsa = tsa_config',
      '[ tsa_config ]',
      `dir = ${dir}`,
      `serial = ${join(dir, 'serial')}`,
      'crypto_device = builtin',
      `signer_cert = ${material.certPem}`,
      `certs = ${material.chainPem}`,
      `signer_key = ${material.keyPem}`,
      'signer_digest = sha256',
      'default_policy = 1.3.6.1.4.1.99999.1.1',
      'digests = sha256, sha384, sha512',
      'accuracy = secs:1',
      'ordering = no',
      'tsa_name = no',
      'ess_cert_id_chain = no',
      'ess_cert_id_alg = sha256',
      '',
    ].join('\n'),
  );
  let count = 0;
  let sequence = 0;
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (c: Buffer) => chunks.push(c));
    request.on('end', () => {
      const id = (sequence += 1);
      const query = join(dir, `q${id}.tsq`);
      const reply = join(dir, `r${id}.tsr`);
      writeFileSync(query, Buffer.concat(chunks));
      run('openssl', ['ts', '-reply', '-config', config, '-queryfile', query, '-out', reply])
        .then(() => {
          count += 1;
          response.writeHead(200, { 'Content-Type': 'application/timestamp-reply' });
          response.end(readFileSync(reply));
        })
        .catch(() => {
          response.writeHead(500);
          response.end();
        });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/tsa`,
    requests: () => count,
    close: () =>
      new Promise<void>((resolve) =>
        server.close(() => {
          rmSync(dir, { recursive: true, force: true });
          resolve();
        }),
      ),
  };
}
