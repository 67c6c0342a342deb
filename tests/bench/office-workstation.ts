/**
 * One workstation of the office benchmark (tests/bench/office.ts), in its own process: signs its
 * person in, keeps the long-polled inbox running, sends `steps` steps (trình to the next
 * workstation's person) at `intervalMs`, and prints one JSON line with the arrival latencies of the
 * steps it received once all `steps` of its predecessor have arrived.
 *   node tests/bench/office-workstation.ts <url> <dir> <me> <next> <steps> <intervalMs>
 */
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { systemClock } from '../../main/services/sync/ports.ts';
import { openOfficeWorkstation, SNV } from '../integration/office/support.ts';

const [url = '', dir = '', me = '', next = '', stepsArg = '50', intervalArg = '200'] = process.argv.slice(2);
const steps = Number(stepsArg);
const intervalMs = Number(intervalArg);
const ws = openOfficeWorkstation({ url, maDinhDanh: SNV, clock: systemClock, dir: join(dir, me) });
await ws.people.signIn(me, 'demo');
ws.inbox.start();
const file = ws.putFile(Buffer.from(`%PDF-1.7\n% ${me}\n%%EOF\n`));

let sending = Promise.resolve();
for (let i = 0; i < steps; i += 1) {
  // real time: the latency is measured across processes on one machine, so both ends read the wall clock.
  const sentAt = Date.now();
  await ws.office.take(`${me}-${i}`, {
    kind: 'submit',
    to: next,
    note: String(sentAt),
    document: {
      soKyHieu: `${i}/BENCH`,
      trichYeu: `Bước ${i} của ${me}`,
      coQuanBanHanh: 'Bench',
      soDen: i + 1,
      ngayDen: null,
      trucDocumentId: null,
    },
    files: [{ sha256: file, name: 'van-ban.pdf', role: 'van-ban' }],
  });
  // As the background does when the store reports queued work: one round, without waiting for it here.
  sending = sending.then(() => ws.engine.runRound().then(() => undefined));
  await delay(intervalMs);
}
await sending;
while ((await ws.engine.nextDueInMs()) !== null) {
  await ws.engine.runRound();
  await delay(50);
}
const latencies: number[] = [];
/** Taken → applied by the server (the sender's outbox), and applied → in the queue (long-poll, page, files). */
const sendSide: number[] = [];
const receiveSide: number[] = [];
for (;;) {
  const queue = await ws.office.queue();
  const ready = queue.filter((entry) => entry.filesReady);
  if (ready.length >= steps) {
    for (const entry of ready) {
      const body = entry.body as { note?: string };
      // The queue's arrival time is this workstation's wall clock too (the store's clock).
      latencies.push(Date.parse(entry.arrivedAt) - Number(body.note));
      sendSide.push(Date.parse(entry.at) - Number(body.note));
      receiveSide.push(Date.parse(entry.arrivedAt) - Date.parse(entry.at));
    }
    break;
  }
  await delay(100);
}
await ws.inbox.stop();
process.stdout.write(`${JSON.stringify({ me, latencies, sendSide, receiveSide })}\n`);
ws.db.close();
process.exit(0);
