/**
 * A workstation's sync process, started and SIGKILLed by kill.test.ts: it opens the profile
 * database and drains with real time and a short backoff until idle, then exits 0.
 * Usage: node kill-worker.ts <profileDir> <serverUrl>
 */
import { systemClock } from '../../../main/services/sync/ports.ts';
import { openWorkstation } from './support.ts';

const [dir, url] = process.argv.slice(2);
if (dir === undefined || url === undefined) {
  process.exit(2);
}
const ws = openWorkstation({
  dir,
  url,
  username: 'vanthu.snv',
  clock: systemClock,
  backoff: { baseMs: 5, capMs: 200 },
  concurrency: 4,
});
await ws.engine.runUntilIdle({ pollMs: 50, maxRounds: 100_000 });
ws.db.close();
process.exit(0);
