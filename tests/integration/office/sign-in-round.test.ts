import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startBackground, type Background } from '../../../main/app/background.ts';
import { SYNC_POLL_MS } from '../../../main/services/sync/sync-loop.ts';
import type { ReferenceServer } from '../../../server/app.ts';
import { DEMO_PASSWORD } from '../../../server/seed.ts';
import { openApp, type TestApp } from '../../support/app.ts';
import { publishThroughServer, startServer, tempDir } from '../sync/support.ts';
import { SNV, UBND } from './support.ts';

/** Well inside the loop's idle poll: what arrives by then came because the sign-in ran a round. */
const WITHIN = SYNC_POLL_MS / 3;
const TRICH_YEU = 'Về việc tổ chức hội nghị công tác văn thư';

describe('a person signing in runs a sync round at once, not at the next poll (#16)', () => {
  let server: ReferenceServer | undefined;
  let app: TestApp | undefined;
  let background: Background | undefined;
  afterEach(async () => {
    await background?.stop();
    await app?.close();
    await server?.close();
  });

  it('what the trục brought while nobody was signed in reaches the văn thư who signs in, through errors and resets', async () => {
    const started = await startServer();
    server = started.server;
    app = openApp({
      profileDir: join(tempDir('sign-in-round'), 'profile'),
      organization: { maDinhDanh: UBND, name: 'Ủy ban nhân dân tỉnh Demo' },
    });
    const { services, call } = app;
    services.settings.update({ server: { url: started.url } });
    background = startBackground(services);
    const sync = services.sync;

    // The văn thư's first sign-in; the loop's rounds then succeed and it settles into its poll.
    expect(await call('people.signIn', { username: 'vanthu.ubnd', password: DEMO_PASSWORD })).toMatchObject({
      ok: true,
      value: { mode: 'online' },
    });
    await expect
      .poll(
        async () => {
          const status = await sync.status();
          return status.lastSuccessAt !== null && status.lastError === null && !status.running;
        },
        { timeout: WITHIN, interval: 100 },
      )
      .toBe(true);
    expect(await call('people.signOut', {})).toMatchObject({ ok: true });

    // While nobody is signed in, Sở Nội vụ publishes to UBND; then the server starts failing.
    await publishThroughServer({
      url: started.url,
      username: 'vanthu.snv',
      maDinhDanh: SNV,
      recipients: [UBND],
      trichYeu: TRICH_YEU,
    });
    started.server.faults.update({ errorRate: 0.2, resetRate: 0.2, seed: 16 });
    expect(await call('people.signIn', { username: 'vanthu.ubnd', password: DEMO_PASSWORD })).toMatchObject({
      ok: true,
      value: { mode: 'online' },
    });

    // Before, the sign-in only drained the outbox: the trục's document waited for the minute's poll.
    const arrived = async () => {
      const listed = await call('incoming.list', {});
      return listed.ok && listed.value.some((doc) => doc.trichYeu === TRICH_YEU);
    };
    await expect.poll(arrived, { timeout: WITHIN, interval: 200 }).toBe(true);
  });
});
