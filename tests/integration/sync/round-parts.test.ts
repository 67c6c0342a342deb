import { afterEach, describe, expect, it } from 'vitest';
import type { ReferenceServer } from '../../../server/app.ts';
import { closeWorkstations, openWorkstation, publishThroughServer, startServer, virtualClock } from './support.ts';

const SNV = '000.00.01.H99';
const UBND = '000.00.00.H99';

describe('one part of a sync round refused by the server does not keep the others from running (#16)', () => {
  let server: ReferenceServer | undefined;
  afterEach(async () => {
    closeWorkstations();
    await server?.close();
  });

  it('the directory page answered 503: the inbox is still pulled in the same round, the published document arrives', async () => {
    const clock = virtualClock();
    const started = await startServer(undefined, () => clock.ms());
    server = started.server;
    const ubnd = openWorkstation({ url: started.url, username: 'vanthu.ubnd', clock });
    // Signed in, the directory read: a round now asks the directory, then the inbox, then the file.
    await ubnd.engine.runUntilIdle({ maxRounds: 3 });
    const id = await publishThroughServer({
      url: started.url,
      username: 'vanthu.snv',
      maDinhDanh: SNV,
      recipients: [UBND],
      trichYeu: 'Về việc tổ chức hội nghị công tác văn thư',
      now: () => clock.now(),
    });

    // Seed 7 at 20 %: the round's first request (the directory's page) is refused with a 503 before
    // anything is done, and its next two (the inbox page, the file) are answered.
    started.server.faults.update({ errorRate: 0.2, seed: 7 });
    const report = await ubnd.engine.runRound();

    // Before, the directory's 503 ended the round there: the document waited for the next one.
    expect(report.pulled).toBe(1);
    expect(ubnd.receivedIds()).toEqual([id]);
    expect((await ubnd.engine.status()).connection).toBe('online');
  });
});
