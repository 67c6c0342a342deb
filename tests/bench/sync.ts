/**
 * Benchmark: drain 1,000 queued changes carrying 200 MB of files to the local reference server
 * (a child process, so its memory is not counted as ours), with the real SQLite outbox.
 * Peer in the same run: curl uploading the same 200 MB to a second server with the same
 * protocol (declare + one PATCH per file), without any outbox, retry or bookkeeping.
 * Goal (issue #8): ≤ 30 s and ≤ 300 MB peak RSS for ours. The same workload from an encrypted
 * profile (SQLCipher, sealed files; issue #19) runs after it, to its own server: goal ≤ 1.2×.
 *   node tests/bench/sync.ts [fileCount=25] [fileMiB=8] [changes=1000]
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { attachmentPath } from '../../main/services/store/attachments.ts';
import { systemClock } from '../../main/services/sync/ports.ts';
import { openWorkstation, type Workstation } from '../integration/sync/support.ts';

const fileCount = Number(process.argv[2] ?? '25');
const fileMiB = Number(process.argv[3] ?? '8');
const changes = Number(process.argv[4] ?? '1000');
const SNV = '000.00.01.H99';
const dir = mkdtempSync(join(tmpdir(), 'vanthu-bench-sync-'));

async function startServerChild(name: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['server/main.ts', '--port', '0', '--data', join(dir, name)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      const match = /(http:\/\/\S+)/.exec(chunk.toString());
      if (match?.[1] !== undefined) {
        resolve(match[1]);
      }
    });
    child.once('exit', () => reject(new Error('server exited')));
  });
  return { child, url };
}

const ours = await startServerChild('server-a');
const peer = await startServerChild('server-b');
const ws = openWorkstation({
  dir: join(dir, 'ws'),
  url: ours.url,
  username: 'vanthu.snv',
  clock: systemClock,
  concurrency: 8,
});
// The same workload from an encrypted profile (SQLCipher database, sealed files), to its own server.
const sealedServer = await startServerChild('server-c');
const sealed = openWorkstation({
  dir: join(dir, 'ws-sealed'),
  url: sealedServer.url,
  username: 'vanthu.snv',
  clock: systemClock,
  concurrency: 8,
  key: randomBytes(32),
});

// The inbox first (three seeded documents to send statuses about), then the queue.
await ws.engine.runUntilIdle({ maxRounds: 5 });
await sealed.engine.runUntilIdle({ maxRounds: 5 });
const files: { sha256: string; path: string }[] = [];
let queued = 0;
for (let i = 0; i < fileCount; i += 1) {
  const bytes = randomBytes(fileMiB * 1024 * 1024);
  const sha256 = ws.putFile(bytes);
  sealed.putFile(bytes);
  files.push({ sha256, path: attachmentPath(ws.filesDir, sha256) });
  queued += 2;
}

function enqueue(station: Workstation): void {
  const incoming = station.receivedIds();
  files.forEach(({ sha256 }, i) => {
    const documentId = `0195f0a0-0000-7000-8000-${String(i).padStart(12, '0')}`;
    station.outbox.enqueue({
      kind: 'file.upload',
      key: sha256,
      payload: { sha256, size: fileMiB * 1024 * 1024, fileName: `vb${i}.pdf` },
    });
    station.outbox.enqueue({
      kind: 'outgoing.publish',
      key: documentId,
      payload: {
        documentId,
        maDinhDanhVanBan: `${SNV},2026/03/02,${i + 1}/SNV-VP`,
        recipients: [{ maDinhDanh: '000.00.02.H99', ten: 'Sở Tài chính' }],
        signedSha256: sha256,
      },
    });
  });
  for (let i = 0; files.length * 2 + i < changes; i += 1) {
    const documentId = incoming[i % incoming.length] as string;
    station.outbox.enqueue({
      kind: 'incoming.status',
      key: documentId,
      payload: {
        documentId,
        statusCode: (['03', '04', '05'] as const)[i % 3]!,
        reason: null,
        // real time: a status's own timestamp, not compared with anything.
        at: new Date().toISOString(),
      },
    });
  }
}
queued = Math.max(queued, changes);
enqueue(ws);
enqueue(sealed);

const rssBefore = process.memoryUsage().rss;
const t0 = performance.now();
await ws.engine.runUntilIdle({ maxRounds: 10_000 });
const oursMs = performance.now() - t0;
const counts = ws.outbox.counts();
const peakMiB = process.resourceUsage().maxRSS / 1024;
const t2 = performance.now();
await sealed.engine.runUntilIdle({ maxRounds: 10_000 });
const sealedMs = performance.now() - t2;
const sealedCounts = sealed.outbox.counts();

// Peer: curl, the same bytes, same protocol, no queue.
const login = spawnSync(
  'curl',
  [
    '-s',
    '-X',
    'POST',
    `${peer.url}/v1/auth/login`,
    '-H',
    'content-type: application/json',
    '-d',
    '{"username":"vanthu.snv","password":"demo"}',
  ],
  { encoding: 'utf8' },
);
const token = (JSON.parse(login.stdout) as { accessToken: string }).accessToken;
const t1 = performance.now();
for (const file of files) {
  const auth = ['-H', `authorization: Bearer ${token}`];
  spawnSync('curl', [
    '-s',
    '-X',
    'POST',
    `${peer.url}/v1/uploads`,
    ...auth,
    '-H',
    'content-type: application/json',
    '-d',
    JSON.stringify({ sha256: file.sha256, size: fileMiB * 1024 * 1024 }),
  ]);
  const put = spawnSync(
    'curl',
    [
      '-s',
      '-o',
      '/dev/null',
      '-w',
      '%{http_code}',
      '-X',
      'PATCH',
      `${peer.url}/v1/uploads/${file.sha256}`,
      ...auth,
      '-H',
      'content-type: application/offset+octet-stream',
      '-H',
      'upload-offset: 0',
      '--data-binary',
      `@${file.path}`,
    ],
    { encoding: 'utf8' },
  );
  if (put.stdout !== '204') {
    throw new Error(`curl upload answered ${put.stdout}`);
  }
}
const peerMs = performance.now() - t1;

const mib = (fileCount * fileMiB).toFixed(0);
process.stdout.write(
  `sync bench: ${queued} changes, ${fileCount} files, ${mib} MiB\n` +
    `  vanthu sync   ${(oursMs / 1000).toFixed(2)} s   peak RSS ${peakMiB.toFixed(0)} MiB (before drain ${(rssBefore / 1048576).toFixed(0)} MiB)   outbox done=${counts.done} pending=${counts.pending} failed=${counts.failed}\n` +
    `  encrypted     ${(sealedMs / 1000).toFixed(2)} s   ${(sealedMs / oursMs).toFixed(2)}× of plain (goal ≤ 1.2×)   outbox done=${sealedCounts.done} pending=${sealedCounts.pending} failed=${sealedCounts.failed}\n` +
    `  curl (peer)   ${(peerMs / 1000).toFixed(2)} s   uploads only, ${fileCount} files, no outbox\n` +
    `  goal          ≤ 30 s, ≤ 300 MiB → ${oursMs <= 30_000 && peakMiB <= 300 ? 'met' : 'NOT met'}\n`,
);
ws.db.close();
sealed.db.close();
sealedServer.child.kill();
ours.child.kill();
peer.child.kill();
rmSync(dir, { recursive: true, force: true });
