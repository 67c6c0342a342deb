/**
 * Benchmark (issue #16): `workstations` processes of one organization against the reference server
 * (its own process), each sending `steps` workflow steps to the next one's person while long-polling
 * its own inbox. Prints steps per second, the p50/p95 time from a step being taken on one
 * workstation to its arrival (files fetched) in the recipient's queue, and the server's CPU time.
 * Goal: p95 ≤ 2 s (long-poll wake-up instead of the 60 s poll).
 *   node tests/bench/office.ts [workstations=20] [steps=50] [intervalMs=200]
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
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

// Seed the data directory with one person per workstation (văn thư and lãnh đạo, so each can trình to the next).
const seeding = createReferenceServer({ dataDir: join(dir, 'server') });
seedDemo(seeding.state);
for (const username of people) {
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

const cpuBefore = cpuMs(server);
const started = performance.now();
interface Measured {
  latencies: number[];
  sendSide: number[];
  receiveSide: number[];
}
const results = await Promise.all(
  people.map(
    (me, i) =>
      new Promise<Measured>((resolve, reject) => {
        const child = spawn(
          process.execPath,
          [
            'tests/bench/office-workstation.ts',
            url,
            dir,
            me,
            people[(i + 1) % workstations] ?? me,
            String(steps),
            String(intervalMs),
          ],
          { stdio: ['ignore', 'pipe', 'inherit'] },
        );
        createInterface({ input: child.stdout! }).on('line', (line) => {
          resolve(JSON.parse(line) as Measured);
        });
        child.once('exit', (code) => (code === 0 ? undefined : reject(new Error(`${me} exited with ${code}`))));
      }),
  ),
);
const seconds = (performance.now() - started) / 1000;
const cpu = cpuMs(server) - cpuBefore;
server.kill('SIGTERM');

const sorted = (pick: (m: Measured) => number[]) => results.flatMap(pick).sort((a, b) => a - b);
const latencies = sorted((m) => m.latencies);
const quantile = (values: number[], q: number) =>
  values[Math.min(values.length - 1, Math.floor(q * values.length))] ?? NaN;
const at = (q: number) => quantile(latencies, q);
const sendSide = sorted((m) => m.sendSide);
const receiveSide = sorted((m) => m.receiveSide);
const total = workstations * steps;
process.stdout.write(
  [
    `office benchmark: ${workstations} workstations × ${steps} steps (one every ${intervalMs} ms each)`,
    `  steps delivered: ${latencies.length}/${total} in ${seconds.toFixed(1)} s → ${(total / seconds).toFixed(1)} steps/s`,
    `  step → recipient's queue (files fetched): p50 ${at(0.5)} ms, p95 ${at(0.95)} ms, max ${latencies.at(-1)} ms`,
    `    of which taken → applied by the server: p50 ${quantile(sendSide, 0.5)} ms, p95 ${quantile(sendSide, 0.95)} ms`,
    `    and applied → in the queue: p50 ${quantile(receiveSide, 0.5)} ms, p95 ${quantile(receiveSide, 0.95)} ms`,
    `  server CPU: ${(cpu / 1000).toFixed(1)} s (${((cpu / 1000 / seconds) * 100).toFixed(0)}% of one core)`,
    '',
  ].join('\n'),
);
