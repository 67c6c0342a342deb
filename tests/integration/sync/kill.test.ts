import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { ReferenceServer } from '../../../server/app.ts';
import { createSqliteOutbox } from '../../../main/services/outbox/sqlite-outbox.ts';
import { openDatabase } from '../../../main/services/store/open-database.ts';
import { systemClock } from '../../../main/services/sync/ports.ts';
import { auditServer, queueScenario } from './scenario.ts';
import { openWorkstation, startServer, tempDir } from './support.ts';

const WORKER = fileURLToPath(new URL('./kill-worker.ts', import.meta.url));
const KILLS = 50;

function runWorker(dir: string, url: string, killAfterMs: number | null): Promise<number | string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [WORKER, dir, url], { stdio: ['ignore', 'ignore', 'inherit'] });
    child.once('error', reject);
    child.once('exit', (code, signal) => resolve(signal ?? code ?? -1));
    if (killAfterMs !== null) {
      void delay(killAfterMs).then(() => child.kill('SIGKILL'));
    }
  });
}

describe('sync survives being killed', () => {
  let server: ReferenceServer | undefined;
  afterEach(async () => {
    await server?.close();
  });

  it(`SIGKILLed at ${KILLS} random points under 20% errors and resets: nothing lost, nothing doubled`, async () => {
    const started = await startServer({ errorRate: 0.2, resetRate: 0.2, seed: 11 });
    server = started.server;
    const dir = tempDir('kill');
    const setup = openWorkstation({ dir, url: started.url, username: 'vanthu.snv', clock: systemClock });
    started.server.faults.update({ errorRate: 0 });
    await setup.engine.runUntilIdle({ maxRounds: 5 });
    started.server.faults.update({ errorRate: 0.2 });
    const incoming = setup.receivedIds();
    const scenario = queueScenario(setup.outbox, (b) => setup.putFile(b), incoming, {
      registered: setup.registrationJobIds(),
      publishes: 20,
      statusesPerDocument: 10,
      bigEvery: 10,
      // real time: the killed child processes stamp with their own clock.
      now: new Date(),
    });
    setup.db.close();

    // The clerk keeps working while sync keeps crashing: a little new work before every start,
    // so every kill lands while something is pending. Loop until 50 kills really happened.
    const ids = [...scenario.mutationJobIds];
    let statusJobs = scenario.statusJobs;
    let kills = 0;
    for (let run = 0; kills < KILLS && run < KILLS * 3; run += 1) {
      const db = openDatabase(join(dir, 'vanthu.sqlite'));
      const outbox = createSqliteOutbox(db);
      for (const documentId of incoming.slice(0, 2)) {
        ids.push(
          outbox.enqueue({
            kind: 'incoming.status',
            key: documentId,
            // real time: the killed child processes stamp with their own clock.
            payload: { documentId, statusCode: '05', reason: null, at: new Date().toISOString() },
          }).id,
        );
        statusJobs += 1;
      }
      db.close();
      // Anywhere from "still starting" to "deep in an upload".
      const outcome = await runWorker(dir, started.url, 150 + Math.floor(Math.random() * 900));
      kills += outcome === 'SIGKILL' ? 1 : 0;
    }
    expect(kills).toBeGreaterThanOrEqual(KILLS);
    expect(await runWorker(dir, started.url, null)).toBe(0);
    const after = openWorkstation({ dir, url: started.url, username: 'vanthu.snv', clock: systemClock });
    expect(after.outbox.counts()).toMatchObject({ pending: 0, 'in-flight': 0, failed: 0, paused: 0 });
    expect(auditServer(started.server, { ...scenario, mutationJobIds: ids, statusJobs })).toEqual([]);
    after.db.close();
  }, 300_000);
});
