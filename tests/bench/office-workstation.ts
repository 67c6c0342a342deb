/**
 * One workstation of the office benchmark (tests/bench/office.ts), in its own process and composed
 * as the app composes it (composeServices + startBackground: the store worker, the sync loop woken
 * by queued work, the person's long-polled inbox), driven through the IPC handler table. It signs
 * its person in, stores one file per step, prints `{"ready":true}` and waits for `go` on stdin, so
 * that no step is timed while the other nineteen processes are still loading. Then it takes
 * `steps` steps (trình to the next workstation's person, each with its own file) at `intervalMs`,
 * waits for every step of its predecessor to be in its queue with its files, and prints one JSON
 * line with each stage's wall-clock time, per case:
 *   sent side: taken (before office.take) → enqueued (office.take answered: step and job committed)
 *              → answered (the outbox job marked done: the server's answer is here)
 *   received:  stored (the server's step time) → woke (the long-poll's answer is here, before the
 *              page is applied) → queued (page applied: arrived_at) → ready (its files fetched)
 *   node tests/bench/office-workstation.ts <url> <dir> <me> <next> <steps> <intervalMs>
 */
import { subscribe } from 'node:diagnostics_channel';
import type { ClientRequest } from 'node:http';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { setTimeout as delay } from 'node:timers/promises';
import { startBackground } from '../../main/app/background.ts';
import { composeServices } from '../../main/app/compose.ts';
import { dispatch } from '../../main/ipc/dispatch.ts';
import { createHandlerTable } from '../../main/ipc/handlers.ts';
import { silentLogger } from '../../main/services/log/logger.ts';

const [url = '', dir = '', me = '', next = '', stepsArg = '50', intervalArg = '200'] = process.argv.slice(2);
const steps = Number(stepsArg);
const intervalMs = Number(intervalArg);
const SNV = '000.00.01.H99';

// real time: the stages are compared across processes on one machine, so every one reads the wall clock.
const wall = (): number => Date.now();

/** When each long-poll answer reached this process (its headers), before the page is applied. */
const inboxAnswers: number[] = [];
/** When each file's download answered, by hash (each step carries its own file). */
const fileAnswers = new Map<string, number>();
subscribe('http.client.response.finish', (message) => {
  const { request } = message as { request: ClientRequest };
  if (request.path.startsWith('/v1/office/inbox')) {
    inboxAnswers.push(wall());
  } else if (request.path.startsWith('/v1/files/')) {
    fileAnswers.set(request.path.slice('/v1/files/'.length, '/v1/files/'.length + 64), wall());
  }
});
/** When each case's notice was raised (page applied). */
const noticed = new Map<string, number>();

const services = composeServices({
  profileDir: join(dir, me, 'profile'),
  shell: 'browser',
  log: silentLogger,
  notifier: () => ({
    notify: (notice) => {
      if (notice.documentId !== undefined) {
        noticed.set(notice.documentId, wall());
      }
    },
  }),
});
services.settings.update({ organization: { maDinhDanh: SNV, name: 'Sở Nội vụ tỉnh Demo' }, server: { url } });
const table = createHandlerTable(services);
const call = async <T>(channel: string, payload: unknown): Promise<T> => {
  const answer = (await dispatch(table, channel, payload, { shell: 'browser' }, services.log)) as
    { ok: true; value: T } | { ok: false; error: { code: string; message: string } };
  if (!answer.ok) {
    throw new Error(`${channel}: ${answer.error.code} ${answer.error.message}`);
  }
  return answer.value;
};
const background = startBackground(services);
await call('people.signIn', { username: me, password: 'demo' });

// Each step carries its own document (a new trình is a new file), chosen before the day starts.
const files: string[] = [];
for (let i = 0; i < steps; i += 1) {
  const bytes = Buffer.from(`%PDF-1.7\n% ${me} bước ${i}\n${'x'.repeat(4_000)}\n%%EOF\n`);
  const { handle } = services.files.begin('pdf', `${me}-${i}.pdf`, bytes.length);
  services.files.append(handle, 0, bytes);
  files.push(services.files.finish(handle).sha256);
}
// Start-up's own work is not the day's: the first full round done, the seeded arrivals checked.
for (;;) {
  const status = await services.sync.status();
  if (status.lastSuccessAt !== null && !status.running) {
    break;
  }
  await delay(100);
}
await services.arrivals.idle();
process.stdout.write(`${JSON.stringify({ ready: true })}\n`);
const lines = createInterface({ input: process.stdin });
await new Promise<void>((resolve) => lines.once('line', () => resolve()));

// What this workstation's process (main thread and store worker) spends on the day, in CPU time.
const cpuAtGo = process.cpuUsage();
interface Sent {
  taken: number;
  enqueued: number;
}
const sent = new Map<string, Sent>();
for (let i = 0; i < steps; i += 1) {
  const caseId = `${me}-${i}`;
  const taken = wall();
  await call('office.take', {
    caseId,
    step: {
      kind: 'submit',
      to: next,
      document: {
        soKyHieu: `${i}/BENCH`,
        trichYeu: `Bước ${i} của ${me}`,
        coQuanBanHanh: 'Bench',
        soDen: i + 1,
        ngayDen: null,
        trucDocumentId: null,
      },
      files: [{ sha256: files[i] ?? '', name: 'van-ban.pdf', role: 'van-ban' }],
    },
  });
  sent.set(caseId, { taken, enqueued: wall() });
  // The pace is kept from the start of each step, not from its end: a slow take does not slow the day.
  await delay(Math.max(0, taken + intervalMs - wall()));
}

interface QueueEntry {
  caseId: string;
  at: string;
  arrivedAt: string;
  filesReady: boolean;
  files: { sha256: string }[];
}
// Wait on what this process saw go by (notices, downloads), not by asking the store for the queue
// again and again: that read would compete with the very store calls the day is made of.
for (;;) {
  if (noticed.size >= steps && fileAnswers.size >= steps) {
    const queue = await call<QueueEntry[]>('office.queue', {});
    if (queue.length >= steps && queue.every((entry) => entry.filesReady)) {
      break;
    }
  }
  await delay(250);
}
const cpu = process.cpuUsage(cpuAtGo);
const cpuMs = (cpu.user + cpu.system) / 1000;
// Every step of ours has its answer: read when each job was marked done.
interface Job {
  kind: string;
  state: string;
  updatedAt: string;
  payload: { caseId?: string };
}
let answered = new Map<string, number>();
for (;;) {
  const jobs = await services.store.call('outbox.list', { state: 'done', limit: 10_000 });
  answered = new Map(
    (jobs as Job[])
      .filter((job) => job.kind === 'office.step')
      .map((job) => [job.payload.caseId ?? '', Date.parse(job.updatedAt)]),
  );
  if (answered.size >= steps) {
    break;
  }
  await delay(50);
}
const received = (await call<QueueEntry[]>('office.queue', {})).map((entry) => {
  const queued = Date.parse(entry.arrivedAt);
  // The last long-poll answer to reach us before the page holding this case was applied.
  const woke = inboxAnswers.filter((t) => t <= queued).at(-1) ?? queued;
  return {
    caseId: entry.caseId,
    stored: Date.parse(entry.at),
    woke,
    queued,
    noticed: noticed.get(entry.caseId) ?? queued,
    // The download's answer; writing, hashing and marking the entry ready follow within a store call.
    ready: Math.max(queued, ...entry.files.map((file) => fileAnswers.get(file.sha256) ?? queued)),
  };
});
process.stdout.write(
  `${JSON.stringify({
    me,
    cpuMs,
    sent: [...sent].map(([caseId, s]) => ({ caseId, ...s, answered: answered.get(caseId) ?? NaN })),
    received,
  })}\n`,
);
await background.stop();
await services.store.close();
process.exit(0);
