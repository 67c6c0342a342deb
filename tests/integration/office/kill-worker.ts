/**
 * The leader's workstation in a child process (kill.test.ts): sign in, pull the queue (files too),
 * phân công every case presented that this workstation has not directed yet, and send. Exits 0
 * when every case is directed and the outbox is empty; the test SIGKILLs it at random points.
 *   node kill-worker.ts <dir> <url> <cases>
 */
import { setTimeout as delay } from 'node:timers/promises';
import { systemClock } from '../../../main/services/sync/ports.ts';
import { openOfficeWorkstation, SNV } from './support.ts';

const [dir = '', url = '', casesArg = '0'] = process.argv.slice(2);
const cases = Number(casesArg);
const ws = openOfficeWorkstation({ url, maDinhDanh: SNV, clock: systemClock, dir });
for (;;) {
  try {
    await ws.people.signIn('lanhdao.snv', 'demo');
    break;
  } catch {
    await delay(20); // a fault on the login: try again
  }
}
for (;;) {
  try {
    await ws.inbox.pull(0);
  } catch {
    // a fault: the cursor moves only with an applied page; pull again below
  }
  const queue = (await ws.office.queue()).filter((entry) => entry.filesReady);
  const directed = new Set(
    ws.db
      .prepare(`select case_id from office_steps where origin = 'local' and kind = 'assign'`)
      .pluck()
      .all() as string[],
  );
  for (const entry of queue) {
    if (!directed.has(entry.caseId)) {
      await ws.office.take(entry.caseId, {
        kind: 'assign',
        yKien: 'Xử lý.',
        chuTri: 'chuyenvien.snv',
        phoiHop: [],
        hanXuLy: null,
      });
    }
  }
  await ws.engine.runUntilIdle({ maxRounds: 20 });
  const counts = ws.store.context.outbox.counts();
  if (
    directed.size + queue.filter((e) => !directed.has(e.caseId)).length >= cases &&
    counts.pending + counts['in-flight'] === 0
  ) {
    break;
  }
}
ws.db.close();
process.exit(0);
