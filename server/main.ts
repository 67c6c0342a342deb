import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createReferenceServer } from './app.ts';
import type { FaultConfig } from './faults.ts';
import { seedDemo } from './seed.ts';
import { generateServerCertificate } from './tls.ts';

const USAGE = `node server/main.ts [options]   (every option also reads VANTHU_SERVER_<NAME>)
  --port N            default 8787 (0 = any free port)
  --host H            default 127.0.0.1; plain HTTP only on loopback
  --data DIR          database and files, default .server-data
  --https             serve HTTPS with a freshly generated certificate (written to DATA/server-cert.pem)
  --fixtures DIR      seed incoming documents from the PDFs in DIR
  --error-rate R      0..1 share of failing requests      --latency MS     delay before each answer
  --reset-rate R      0..1 share of bodies cut mid-way      --drip BPS       answer at N bytes per second
  --outage A:B        drop connections from A to B seconds after start
  --seed N            fault random seed`;

function option(values: Record<string, string | boolean | undefined>, name: string): string | undefined {
  const value = values[name];
  if (typeof value === 'string') {
    return value;
  }
  return process.env[`VANTHU_SERVER_${name.toUpperCase().replace(/-/g, '_')}`];
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      data: { type: 'string' },
      https: { type: 'boolean' },
      fixtures: { type: 'string' },
      'error-rate': { type: 'string' },
      latency: { type: 'string' },
      'reset-rate': { type: 'string' },
      drip: { type: 'string' },
      outage: { type: 'string' },
      seed: { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help === true) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const dataDir = resolve(option(values, 'data') ?? '.server-data');
  mkdirSync(dataDir, { recursive: true });
  const host = option(values, 'host') ?? '127.0.0.1';
  const started = Date.now();
  const outage = option(values, 'outage')?.split(':').map(Number);
  const drip = option(values, 'drip');
  const faults: FaultConfig = {
    errorRate: Number(option(values, 'error-rate') ?? 0),
    latencyMs: Number(option(values, 'latency') ?? 0),
    resetRate: Number(option(values, 'reset-rate') ?? 0),
    outage:
      outage === undefined
        ? null
        : { startMs: started + (outage[0] ?? 0) * 1000, endMs: started + (outage[1] ?? 0) * 1000 },
    dripBytesPerSecond: drip === undefined ? null : Number(drip),
    seed: Number(option(values, 'seed') ?? 1),
  };
  const https = values.https === true || process.env['VANTHU_SERVER_HTTPS'] === '1';
  const tls = https ? await generateServerCertificate([host, 'localhost', '127.0.0.1']) : undefined;
  if (tls !== undefined) {
    writeFileSync(resolve(dataDir, 'server-cert.pem'), tls.cert);
  }
  const server = createReferenceServer({ dataDir, faults, ...(tls === undefined ? {} : { tls }) });
  seedDemo(server.state, option(values, 'fixtures'));
  const url = await server.listen(Number(option(values, 'port') ?? 8787), host);
  process.stdout.write(`vanthu reference server ${url} (data ${dataDir})\n`);
  if (tls !== undefined) {
    process.stdout.write(`certificate: ${resolve(dataDir, 'server-cert.pem')}\n`);
  }
  const stop = () => void server.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

await main();
