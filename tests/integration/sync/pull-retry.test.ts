import { afterEach, describe, expect, it } from 'vitest';
import type { ReferenceServer } from '../../../server/app.ts';
import { closeWorkstations, openWorkstation, startServer, virtualClock } from './support.ts';

const POLL_MS = 60_000;

describe('a pull that fails in passing is tried again soon, not a whole poll later (#16)', () => {
  let server: ReferenceServer | undefined;
  afterEach(async () => {
    closeWorkstations();
    await server?.close();
  });

  it('four rounds against a server answering 503 take less than one poll: the pauses start at 1 s and double', async () => {
    const clock = virtualClock();
    const started = await startServer(undefined, () => clock.ms());
    server = started.server;
    const ws = openWorkstation({ url: started.url, username: 'vanthu.ubnd', clock });
    await ws.engine.runUntilIdle({ maxRounds: 3, pollMs: POLL_MS });

    started.server.faults.update({ errorRate: 1, seed: 16 });
    const before = clock.ms();
    await ws.engine.runUntilIdle({ maxRounds: 4, pollMs: POLL_MS });
    // Simulated time: only the loop's pauses move it. Before, each failed pull waited a whole poll.
    const waited = clock.ms() - before;
    expect(waited).toBeGreaterThanOrEqual(1_000 + 2_000);
    expect(waited).toBeLessThan(POLL_MS);
  });
});
