/**
 * Benchmark (issue #16): `workstations` processes of one organization against the reference server
 * (its own process). Each workstation is the app as composed (tests/bench/office-workstation.ts:
 * store worker, sync loop woken by queued work, long-polled inbox) and sends `steps` trình, each
 * with its own file, to the next one's person. The day starts when every process is signed in and
 * ready, so process start-up is not timed. Prints steps per second, the p50/p95 time from a step
 * being taken to its arrival in the recipient's queue, each stage of that time, the server's CPU
 * time, and beside it a peer in the same run: curl doing the same exchanges (declare, PATCH and
 * confirm the file, POST the step; the recipient's long-poll GET, then the file GET) at the same pace.
 * Goal: p95 ≤ 2 s.
 *   node tests/bench/office.ts [workstations=20] [steps=50] [intervalMs=200]
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { createReferenceServer } from '../../server/app.ts';
import { DEMO_PASSWORD, seedDemo } from '../../server/seed.ts';

const workstations = Number(process.argv[2] ?? '20');
const steps = Number(process.argv[3] ?? '50');
const intervalMs = Number(process.argv[4] ?? '200');
const SNV = '000.00.01.H99';
const dir = mkdtempSync(join(tmpdir(), 'vanthu-bench-office-'));
const people = Array.from({ length: workstations }, (_, i) => `bench${i}.snv`);
const peers = ['peer-a.snv', 'peer-b.snv'];

// Seed the data directory with one person per workstation (văn thư and lãnh đạo, so each can trình to the next).
const seeding = createReferenceServer({ dataDir: join(dir, 'server') });
seedDemo(seeding.state);
for (const username of [...people, ...peers]) {
  seeding.db
    .prepare('insert into users (username, password, ma_dinh_danh) values (?, ?, ?)')
    .run(username, DEMO_PASSWORD, SNV);
  seeding.db.prepare('insert into people (username, full_name) values (?, ?)').run(username, username);
  for (const role of ['van-thu', 'lanh-dao']) {
    seeding.db.prepare('insert into person_roles (username, role) values (?, ?)').run(username, role);
  }
}
await seeding.close();

const server = spawn(process.execPath, ['server/main.ts', '--port', '0', '--data', join(dir, 'server')], {
  stdio: ['ignore', 'pipe', 'inherit'],
});
const url = await new Promise<string>((resolve, reject) => {
  server.stdout?.on('data', (chunk: Buffer) => {
    const match = /(http:\/\/\S+)/.exec(chunk.toString());
    if (match?.[1] !== undefined) {
      resolve(match[1]);
    }
  });
  server.once('exit', () => reject(new Error('server exited')));
});

/** utime + stime of a process, in milliseconds (Linux /proc; clock ticks are 100 Hz here). */
function cpuMs(child: ChildProcess): number {
  const fields = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

interface Report {
  me: string;
  cpuMs: number;
  sent: { caseId: string; taken: number; enqueued: number; answered: number }[];
  received: { caseId: string; stored: number; woke: number; queued: number; noticed: number; ready: number }[];
}

const loading = performance.now();
const children = people.map((me, i) => {
  // VANTHU_BENCH_CPU_PROF=DIR: the first workstation writes V8 CPU profiles (main thread and store worker) there.
  const profile = process.env['VANTHU_BENCH_CPU_PROF'];
  const child = spawn(
    process.execPath,
    [
      ...(profile !== undefined && i === 0 ? ['--cpu-prof', '--cpu-prof-dir', profile] : []),
      'tests/bench/office-workstation.ts',
      url,
      dir,
      me,
      people[(i + 1) % workstations] ?? me,
      String(steps),
      String(intervalMs),
    ],
    { stdio: ['pipe', 'pipe', 'inherit'] },
  );
  const lines = createInterface({ input: child.stdout! });
  const ready = new Promise<void>((resolve, reject) => {
    lines.once('line', () => resolve());
    child.once('exit', (code) => reject(new Error(`${me} exited with ${code} before it was ready`)));
  });
  const report = ready.then(
    () =>
      new Promise<Report>((resolve, reject) => {
        lines.once('line', (line) => resolve(JSON.parse(line) as Report));
        child.once('exit', (code) => (code === 0 ? undefined : reject(new Error(`${me} exited with ${code}`))));
      }),
  );
  return { child, ready, report };
});
await Promise.all(children.map((c) => c.ready));
const loadSeconds = (performance.now() - loading) / 1000;

// ---- the peer: curl, the same exchanges for one sender and one recipient, at the same pace ----
function curl(args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('curl', ['-s', '-S', '-f', ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`curl exited with ${code}`))));
  });
}
async function tokenOf(username: string): Promise<string> {
  const body = await curl([
    '-X',
    'POST',
    `${url}/v1/auth/login`,
    '-H',
    'content-type: application/json',
    '-d',
    JSON.stringify({ username, password: DEMO_PASSWORD }),
  ]);
  return (JSON.parse(body) as { accessToken: string }).accessToken;
}
const [senderToken, recipientToken] = await Promise.all(peers.map(tokenOf));
const peerFiles = Array.from({ length: steps }, (_, i) => {
  const bytes = Buffer.from(`%PDF-1.7\n% peer bước ${i}\n${'x'.repeat(4_000)}\n%%EOF\n`);
  const path = join(dir, `peer-${i}.pdf`);
  writeFileSync(path, bytes);
  return { path, size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
});

async function peerDay(): Promise<{ woke: number[]; ready: number[] }> {
  const woke: number[] = [];
  const ready: number[] = [];
  let cursor = '0';
  const auth = (token: string) => ['-H', `authorization: Bearer ${token}`];
  const json = ['-H', 'content-type: application/json'];
  for (let i = 0; i < steps; i += 1) {
    const file = peerFiles[i]!;
    // The recipient is already waiting, as a workstation's long-poll is.
    const polling = curl([`${url}/v1/office/inbox?cursor=${cursor}&wait=25`, ...auth(recipientToken!)]);
    const taken = performance.now();
    // One curl process, one connection (--next keeps it): declare, PATCH, confirm, the step.
    const declare = JSON.stringify({ sha256: file.sha256, size: file.size });
    await curl([
      '-o',
      '/dev/null',
      ...['-X', 'POST', `${url}/v1/uploads`, ...auth(senderToken!), ...json, '-d', declare, '--next'],
      ...[
        '-s',
        '-S',
        '-f',
        '-o',
        '/dev/null',
        '-X',
        'PATCH',
        `${url}/v1/uploads/${file.sha256}`,
        ...auth(senderToken!),
      ],
      ...['-H', 'content-type: application/offset+octet-stream', '-H', 'upload-offset: 0'],
      ...['--data-binary', `@${file.path}`, '--next'],
      ...[
        '-s',
        '-S',
        '-f',
        '-o',
        '/dev/null',
        '-X',
        'POST',
        `${url}/v1/uploads`,
        ...auth(senderToken!),
        ...json,
        '-d',
        declare,
      ],
      '--next',
      ...[
        '-s',
        '-S',
        '-f',
        '-o',
        '/dev/null',
        '-X',
        'POST',
        `${url}/v1/office/cases/peer-${i}/steps`,
        ...auth(senderToken!),
      ],
      ...[...json, '-H', `idempotency-key: peer-step-${i}`],
      '-d',
      JSON.stringify({
        kind: 'submit',
        to: peers[1],
        document: {
          soKyHieu: `${i}/PEER`,
          trichYeu: `Bước ${i}`,
          coQuanBanHanh: 'Peer',
          soDen: i + 1,
          ngayDen: null,
          trucDocumentId: null,
        },
        files: [{ sha256: file.sha256, name: 'van-ban.pdf', role: 'van-ban' }],
      }),
    ]);
    const page = JSON.parse(await polling) as { nextCursor: string; items: unknown[] };
    woke.push(performance.now() - taken);
    cursor = page.nextCursor;
    await curl(['-o', '/dev/null', `${url}/v1/files/${file.sha256}`, ...auth(recipientToken!)]);
    ready.push(performance.now() - taken);
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, taken + intervalMs - performance.now())));
  }
  return { woke, ready };
}

const cpuBefore = cpuMs(server);
const started = performance.now();
for (const { child } of children) {
  child.stdin?.write('go\n');
}
const [results, peer] = await Promise.all([Promise.all(children.map((c) => c.report)), peerDay()]);
const seconds = (performance.now() - started) / 1000;
const cpu = cpuMs(server) - cpuBefore;
server.kill('SIGTERM');

// ---- the stages, joined by case across sender and recipient ----
const sentBy = new Map(results.flatMap((r) => r.sent.map((s) => [s.caseId, s] as const)));
type Stage = (s: Report['sent'][number], r: Report['received'][number]) => number;
const stages: [string, Stage][] = [
  ['taken → in the recipient’s queue (the figure)', (s, r) => r.queued - s.taken],
  ['  taken → enqueued (IPC, store transaction)', (s) => s.enqueued - s.taken],
  ['  enqueued → stored by the server (drain, upload, POST)', (s, r) => r.stored - s.enqueued],
  ['  stored → the sender has the answer', (s, r) => s.answered - r.stored],
  ['  stored → recipient’s long-poll answered', (_, r) => r.woke - r.stored],
  ['  long-poll answered → in the queue (page applied)', (_, r) => r.queued - r.woke],
  ['in the queue → its file downloaded', (_, r) => r.ready - r.queued],
];
const pairs = results.flatMap((r) =>
  r.received.flatMap((rec) => {
    const s = sentBy.get(rec.caseId);
    return s === undefined ? [] : [[s, rec] as const];
  }),
);
const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
};
const ms = (value: number) => `${Math.round(value)} ms`.padStart(9);
const row = (label: string, values: number[]) =>
  `  ${label.padEnd(64)} p50 ${ms(quantile(values, 0.5))}  p95 ${ms(quantile(values, 0.95))}  max ${ms(Math.max(...values))}`;
const total = workstations * steps;
process.stdout.write(
  [
    `office benchmark: ${workstations} workstations × ${steps} steps (one every ${intervalMs} ms each), each the composed app`,
    `  start-up (not timed): ${loadSeconds.toFixed(1)} s until every workstation was signed in and ready`,
    `  steps delivered: ${pairs.length}/${total} in ${seconds.toFixed(1)} s → ${(pairs.length / seconds).toFixed(1)} steps/s`,
    ...stages.map(([label, stage]) =>
      row(
        label,
        pairs.map(([s, r]) => stage(s, r)),
      ),
    ),
    `  server CPU: ${(cpu / 1000).toFixed(1)} s (${((cpu / 1000 / seconds) * 100).toFixed(0)}% of one core)`,
    `  workstations' CPU during the day: ${(results.reduce((sum, r) => sum + r.cpuMs, 0) / 1000).toFixed(1)} s in all, ` +
      `${(results.reduce((sum, r) => sum + r.cpuMs, 0) / pairs.length).toFixed(1)} ms per step delivered ` +
      `(sender and recipient together; the machine has 2 cores)`,
    `  peer, same run — curl (${steps} steps, one sender, one recipient, the same exchanges, a process per exchange group):`,
    row('  POST step sent → recipient’s long-poll answered', peer.woke),
    row('  … → file fetched', peer.ready),
    '',
  ].join('\n'),
);
rmSync(dir, { recursive: true, force: true });
