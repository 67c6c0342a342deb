import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { attachmentPath } from '../../../main/services/store/attachments.ts';
import type { ReferenceServer } from '../../../server/app.ts';
import { auditServer, queueScenario } from './scenario.ts';
import { closeWorkstations, openWorkstation, sha256, startServer, virtualClock } from './support.ts';

describe('sync under a misbehaving network (bounded, simulated clock)', () => {
  let server: ReferenceServer | undefined;
  afterEach(async () => {
    closeWorkstations();
    await server?.close();
  });

  it('30% errors, resets mid-body and a long outage: every change once, every file intact, outbox empty', async () => {
    const clock = virtualClock();
    const started = await startServer({ seed: 7 }, () => clock.ms());
    server = started.server;
    const snv = openWorkstation({ url: started.url, username: 'vanthu.snv', clock, concurrency: 6 });
    const stc = openWorkstation({ url: started.url, username: 'vanthu.stc', clock });
    await snv.engine.runUntilIdle({ maxRounds: 5 });
    // The arrivals are in the store and registered (the store queued those registrations).
    const incoming = snv.receivedIds();
    const scenario = queueScenario(snv.outbox, (b) => snv.putFile(b), incoming, {
      registered: snv.registrationJobIds(),
      publishes: 40,
      statusesPerDocument: 15,
      bigEvery: 20,
      now: clock.now(),
    });
    // 30% of requests fail (half after applying the change: the answer is lost), 30% of bodies
    // are cut in the middle, and the server disappears for six hours after a few minutes.
    started.server.faults.update({ errorRate: 0.3, resetRate: 0.3 });
    await snv.engine.runRound();
    started.server.faults.update({ outage: { startMs: clock.ms(), endMs: clock.ms() + 6 * 3_600_000 } });
    await snv.engine.runUntilIdle({ maxRounds: 5_000 });
    expect(clock.ms()).toBeGreaterThan(started.server.faults.config().outage!.endMs);
    expect(snv.outbox.counts()).toMatchObject({ pending: 0, 'in-flight': 0, failed: 0, paused: 0 });
    expect(auditServer(started.server, scenario)).toEqual([]);

    // The recipient pulls all 40 documents through the same faults; downloads resume by range.
    await stc.engine.runUntilIdle({ maxRounds: 5_000 });
    expect(stc.receivedIds()).toHaveLength(3 + 40);
    expect(stc.outbox.counts()).toMatchObject({ pending: 0, failed: 0 });
    for (const file of scenario.files) {
      expect(sha256(readFileSync(attachmentPath(stc.filesDir, file)))).toBe(file);
    }
  }, 150_000);

  it('a slow drip still completes uploads and downloads within the timeouts', async () => {
    const clock = virtualClock();
    const started = await startServer({ dripBytesPerSecond: 512 * 1024 }, () => clock.ms());
    server = started.server;
    const snv = openWorkstation({ url: started.url, username: 'vanthu.snv', clock });
    const stc = openWorkstation({ url: started.url, username: 'vanthu.stc', clock });
    const scenario = queueScenario(snv.outbox, (b) => snv.putFile(b), [], {
      publishes: 3,
      statusesPerDocument: 0,
      bigEvery: 1_000,
      now: clock.now(),
    });
    await snv.engine.runUntilIdle({ maxRounds: 50 });
    expect(auditServer(started.server, scenario)).toEqual([]);
    await stc.engine.runUntilIdle({ maxRounds: 50 });
    for (const file of scenario.files) {
      expect(sha256(readFileSync(attachmentPath(stc.filesDir, file)))).toBe(file);
    }
  });
});
