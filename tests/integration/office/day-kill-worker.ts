/**
 * One workstation of the office day under SIGKILL (day-kill.test.ts), in its own process on its own
 * profile. Its person trình-s `steps` documents to the next person, each with its own file and a
 * số đến taken online from the server (the key is the case's, so a repeat after a kill gets the
 * same number), sends them (a drain after each step, rounds for the retries) and long-polls its own
 * inbox. A restart on the same profile carries on: the steps already in its store are not taken
 * again. Prints `done` and exits 0 once all its steps are sent and all its predecessor's steps
 * are in its queue with their files; the test SIGKILLs it (and the server) at random points.
 *   node day-kill-worker.ts <dir> <url> <me> <next> <previous> <steps> <paceMs>
 */
import { setTimeout as delay } from 'node:timers/promises';
import { createOnlineNumbers } from '../../../main/services/sync/online-numbers.ts';
import { systemClock } from '../../../main/services/sync/ports.ts';
import { vietnamYear } from '../../../main/domain/vietnam-time.ts';
import { openOfficeWorkstation, SNV } from './support.ts';

const [dir = '', url = '', me = '', next = '', previous = '', stepsArg = '0', paceArg = '0'] = process.argv.slice(2);
const steps = Number(stepsArg);
const paceMs = Number(paceArg);
const ws = openOfficeWorkstation({ url, maDinhDanh: SNV, clock: systemClock, dir, waitSeconds: 5 });

// Online only: a step taken after an offline sign-in waits for the person's online one anyway.
for (;;) {
  try {
    if ((await ws.people.signIn(me, 'demo')).mode === 'online') {
      break;
    }
  } catch {
    // the server is down (killed, restarting): try again
  }
  await delay(50);
}
ws.inbox.start();

let stopped = false;
// The background's part: rounds until nothing is due, again and again (retries after a server kill).
const rounds = (async () => {
  while (!stopped) {
    await ws.engine.runUntilIdle({ maxRounds: 20 }).catch(() => undefined);
    await delay(50);
  }
})();

// No quiet period: while the server restarts the number is simply asked for again.
const numbers = createOnlineNumbers(() => ws.api, { timeoutMs: 2_000, quietMs: 0 });
const taken = () =>
  new Set(
    ws.db
      .prepare(`select case_id from office_steps where origin = 'local' and kind = 'submit'`)
      .pluck()
      .all() as string[],
  );
const done = taken();
for (let i = 0; i < steps; i += 1) {
  const caseId = `${me}-${i}`;
  if (done.has(caseId)) {
    continue;
  }
  let soDen: number | null = null;
  while (soDen === null) {
    // real time: the year of the register the number is taken from, as the app asks it.
    soDen = (await numbers.take('den', vietnamYear(new Date()), caseId, `so-den:${caseId}`))?.number ?? null;
    if (soDen === null) {
      await delay(50);
    }
  }
  const file = ws.putFile(Buffer.from(`%PDF-1.7\n% ${caseId}\n%%EOF\n`));
  await ws.office.take(caseId, {
    kind: 'submit',
    to: next,
    document: {
      soKyHieu: `${i}/NGAY`,
      trichYeu: `Bước ${i} của ${me}`,
      coQuanBanHanh: 'UBND tỉnh',
      soDen,
      ngayDen: null,
      trucDocumentId: null,
    },
    files: [{ sha256: file, name: 'van-ban.pdf', role: 'van-ban' }],
  });
  // As the app does when a step is queued: send now, without the round's pulls.
  void ws.engine.drain().catch(() => undefined);
  await delay(paceMs);
}

for (;;) {
  const counts = ws.store.context.outbox.counts();
  const ready = ws.db
    .prepare(`select count(*) from office_queue where username = ? and files_ready = 1 and case_id like ?`)
    .pluck()
    .get(me, `${previous}-%`) as number;
  if (counts.pending + counts['in-flight'] === 0 && counts.failed === 0 && ready >= steps) {
    break;
  }
  await delay(50);
}
stopped = true;
await rounds;
await ws.inbox.stop();
process.stdout.write('done\n');
ws.db.close();
process.exit(0);
