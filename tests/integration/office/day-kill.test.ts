import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createReferenceServer } from '../../../server/app.ts';
import { DEMO_PASSWORD, seedDemo } from '../../../server/seed.ts';
import { tempDir } from '../sync/support.ts';
import { SNV } from './support.ts';

const WORKER = fileURLToPath(new URL('./day-kill-worker.ts', import.meta.url));
const SERVER = fileURLToPath(new URL('../../../server/main.ts', import.meta.url));
/** Workstations in a ring, each trình-ing to the next; steps each; kills (VANTHU_OFFICE_KILLS for a long run). */
const WORKSTATIONS = Number(process.env['VANTHU_OFFICE_WORKSTATIONS'] ?? 3);
const STEPS = Number(process.env['VANTHU_OFFICE_STEPS'] ?? 10);
const KILLS = Number(process.env['VANTHU_OFFICE_KILLS'] ?? 6);
const PACE_MS = 40;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** A child that is started again on the same profile (or data directory) after each kill. */
interface Restartable {
  readonly name: string;
  child: ChildProcess | null;
  finished: boolean;
  start(): void;
}

describe('an office day with workstations and the server SIGKILLed while the steps flow', () => {
  const children: Restartable[] = [];
  afterEach(() => {
    for (const c of children.splice(0)) {
      c.child?.kill('SIGKILL');
    }
  });

  it(
    `${WORKSTATIONS} workstations × ${STEPS} steps, ${KILLS} kills at points of progress: every step arrives once, every số đến once`,
    async () => {
      const dir = tempDir('office-day-kill');
      const dataDir = join(dir, 'server');
      const people = Array.from({ length: WORKSTATIONS }, (_, i) => `day${i}.snv`);
      // The people (văn thư and lãnh đạo each, so each can trình to the next) in the server's data directory.
      const seeding = createReferenceServer({ dataDir });
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
      const port = await freePort();
      const url = `http://127.0.0.1:${port}`;

      let serverUp: Promise<void> = Promise.resolve();
      const server: Restartable = {
        name: 'server',
        child: null,
        finished: false,
        start() {
          const child = spawn(process.execPath, [SERVER, '--port', String(port), '--data', dataDir], {
            stdio: ['ignore', 'pipe', 'inherit'],
          });
          server.child = child;
          serverUp = new Promise((resolve) => child.stdout?.once('data', () => resolve()));
          child.once('exit', () => {
            if (server.child === child) {
              server.child = null;
            }
          });
        },
      };
      const workstations: Restartable[] = people.map((me, i) => {
        const ws: Restartable = {
          name: me,
          child: null,
          finished: false,
          start() {
            const args = [
              join(dir, me),
              url,
              me,
              people[(i + 1) % people.length] ?? me,
              people[(i + people.length - 1) % people.length] ?? me,
              String(STEPS),
              String(PACE_MS),
            ];
            const child = spawn(process.execPath, [WORKER, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
            ws.child = child;
            child.stdout?.on('data', (chunk: Buffer) => {
              if (chunk.toString().includes('done')) {
                ws.finished = true;
              }
            });
            child.once('exit', () => {
              if (ws.child === child) {
                ws.child = null;
              }
            });
          },
        };
        return ws;
      });
      children.push(server, ...workstations);
      server.start();
      await serverUp;
      for (const ws of workstations) {
        ws.start();
      }

      // Progress is what the server has applied, read from its database beside it (WAL: readers never block it).
      const total = WORKSTATIONS * STEPS;
      const watch = new Database(join(dataDir, 'server.sqlite'), { readonly: true, fileMustExist: true });
      const applied = () =>
        watch.prepare(`select count(*) from office_steps where kind = 'submit'`).pluck().get() as number;
      // Kill points are points of progress, not of time: on any machine each one falls while steps flow.
      const points = Array.from({ length: KILLS }, () => Math.floor(Math.random() * total * 0.9)).sort((a, b) => a - b);
      const kills: string[] = [];
      const killedAt: number[] = [];
      // real time: the child processes run on the wall clock, so the day's deadline is read from it.
      const began = Date.now();
      const deadline = began + 60_000 + KILLS * 8_000;
      // real time: as above.
      const pastDeadline = () => Date.now() >= deadline;
      // real time: as above.
      const elapsed = () => (Date.now() - began) / 1000;
      // A child that died on its own (not by our kill) is started again too.
      const tend = () => {
        for (const t of [server, ...workstations]) {
          if (!t.finished && t.child === null) {
            t.start();
          }
        }
      };
      // One kill in the middle is always the server's: drawn at random among four processes, six
      // kills miss it about one run in six, and the test must prove the server's restart each time.
      const serverKill = Math.floor(KILLS / 2);
      for (const [index, point] of points.entries()) {
        while (applied() < point && !pastDeadline()) {
          tend();
          await delay(5);
        }
        await delay(Math.floor(Math.random() * 40)); // somewhere within the next step or two
        const targets = [server, ...workstations].filter((t) => t.child !== null && !t.finished);
        const target =
          index === serverKill && targets.includes(server)
            ? server
            : targets[Math.floor(Math.random() * targets.length)];
        if (target === undefined || pastDeadline()) {
          break;
        }
        killedAt.push(applied());
        target.child?.kill('SIGKILL');
        await new Promise((resolve) => target.child?.once('exit', resolve) ?? resolve(null));
        kills.push(target.name);
        target.start();
        if (target === server) {
          await serverUp;
        }
      }
      // Every workstation keeps going (and is restarted if it died on its own) until its day is done.
      while (workstations.some((ws) => !ws.finished) && !pastDeadline()) {
        tend();
        await delay(50);
      }
      process.stdout.write(
        `office day under SIGKILL: ${kills.length} kills (${kills.join(', ')}) at ${killedAt.join(', ')} of ${total} steps applied; ` +
          `day done in ${elapsed().toFixed(1)} s\n`,
      );
      // What each unfinished workstation still holds, so a failure says where the day stopped.
      const unfinished = workstations
        .filter((ws) => !ws.finished)
        .map((ws) => {
          const db = new Database(join(dir, ws.name, 'vanthu.sqlite'), { readonly: true });
          const jobs = db
            .prepare(`select state, count(*) as n, max(last_error) as error from outbox_jobs group by state`)
            .all();
          db.close();
          return { name: ws.name, jobs };
        });
      expect(unfinished).toEqual([]);
      expect(kills.length).toBe(KILLS);
      expect(kills).toContain('server');
      // Every kill fell inside the work: some steps applied, not all.
      expect(killedAt.every((n) => n < total)).toBe(true);

      // The server: each step applied once and routed once, each số đến given once.
      const steps = watch
        .prepare(
          `select case_id, count(*) as n, min(body) as body from office_steps where kind = 'submit' group by case_id`,
        )
        .all() as { case_id: string; n: number; body: string }[];
      expect(steps).toHaveLength(total);
      expect(steps.filter((s) => s.n !== 1)).toEqual([]);
      const routed = watch
        .prepare(
          `select i.username, s.case_id, count(*) as n from office_inbox i join office_steps s on s.seq = i.step_seq
         group by i.username, s.case_id`,
        )
        .all() as { username: string; case_id: string; n: number }[];
      expect(routed).toHaveLength(total);
      expect(routed.filter((r) => r.n !== 1)).toEqual([]);
      const numbers = steps.map((s) => (JSON.parse(s.body) as { document: { soDen: number } }).document.soDen);
      expect(new Set(numbers).size).toBe(total);
      // Consecutive too: a number taken before a kill is the one the step carries after the restart.
      const sorted = [...numbers].sort((a, b) => a - b);
      expect(sorted.filter((n, k) => n !== (sorted[0] ?? 0) + k)).toEqual([]);
      expect(watch.prepare(`select count(*) from number_allocations where org = ?`).pluck().get(SNV)).toBe(total);
      watch.close();

      // Each workstation: its predecessor's steps in its queue once each with their files, its own outbox settled.
      for (const [i, me] of people.entries()) {
        const previous = people[(i + people.length - 1) % people.length] ?? me;
        const db = new Database(join(dir, me, 'vanthu.sqlite'), { readonly: true });
        const queue = db
          .prepare(`select case_id, files_ready from office_queue where username = ? order by case_id`)
          .all(me) as { case_id: string; files_ready: number }[];
        expect(queue.map((q) => q.case_id).sort()).toEqual(
          Array.from({ length: STEPS }, (_, s) => `${previous}-${s}`).sort(),
        );
        expect(queue.every((q) => q.files_ready === 1)).toBe(true);
        const jobs = db
          .prepare(`select state, count(*) as n from outbox_jobs where kind = 'office.step' group by state`)
          .all() as { state: string; n: number }[];
        expect(jobs).toEqual([{ state: 'done', n: STEPS }]);
        db.close();
      }
    },
    90_000 + KILLS * 8_000,
  );
});
