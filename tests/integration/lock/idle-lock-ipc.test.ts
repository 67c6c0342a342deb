import { setTimeout as delay } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { startBackground, type Background } from '../../../main/app/background.ts';
import type { ReferenceServer } from '../../../server/app.ts';
import { DEMO_PASSWORD } from '../../../server/seed.ts';
import { SNV } from '../office/support.ts';
import { openApp, type TestApp } from '../../support/app.ts';
import { startServer } from '../sync/support.ts';

interface App extends TestApp {
  readonly background: Background;
  readonly changes: unknown[];
  /** Token-session logouts the lock asked of the signing service. */
  logouts(): number;
  idle: number;
}

async function until(what: () => boolean, ms = 5_000): Promise<void> {
  const end = performance.now() + ms;
  while (!what()) {
    if (performance.now() > end) {
      throw new Error('timed out');
    }
    await delay(20);
  }
}

describe('the idle lock through the IPC handler table, a real store and the reference server', () => {
  let server: ReferenceServer | undefined;
  const apps: App[] = [];
  afterEach(async () => {
    for (const app of apps.splice(0)) {
      await app.background.stop();
      await app.services.store.close();
    }
    await server?.close();
    server = undefined;
  });

  function open(url: string): App {
    let logouts = 0;
    const app: App = {
      idle: 0,
      changes: [],
      logouts: () => logouts,
    } as unknown as App;
    const opened = openApp({
      prefix: 'idle-lock-',
      organization: { maDinhDanh: SNV, name: 'Sở Nội vụ tỉnh Demo' },
      idleSeconds: () => app.idle,
    });
    const { services } = opened;
    services.settings.update({ server: { url } });
    // The signing service's sessions are per request; counting the lock's call is enough here
    // (closing real token sessions is the signing service's own test).
    services.signing.closeSessions = () => {
      logouts += 1;
      return Promise.resolve();
    };
    services.events.subscribe((event, payload) => {
      if (event === 'lock.changed') {
        app.changes.push(payload);
      }
    });
    Object.assign(app, opened, { background: startBackground(services, { lockPollMs: 25 }) });
    apps.push(app);
    return app;
  }

  async function lockedAndUnlocked(app: App): Promise<void> {
    expect(await app.call('settings.update', { lock: { idleMinutes: 2 } })).toMatchObject({ ok: true });
    app.idle = 119;
    await delay(100);
    expect(await app.call('lock.state', {})).toEqual({ ok: true, value: { locked: false, idleMinutes: 2 } });

    app.idle = 121;
    await until(() => app.services.lock.isLocked());
    expect(app.changes).toEqual([{ locked: true, idleMinutes: 2 }]);
    expect(app.logouts()).toBe(1);
    // Every other channel is refused while locked, whatever it is.
    for (const [channel, payload] of [
      ['settings.get', {}],
      ['people.current', {}],
      ['sync.status', {}],
    ] as const) {
      expect(await app.raw(channel, payload)).toMatchObject({ ok: false, error: { code: 'APP_LOCKED' } });
    }
    // A wrong password is refused, the window stays locked, and trying again is allowed.
    expect(await app.call('lock.unlock', { password: 'sai-mat-khau' })).toMatchObject({
      ok: false,
      error: { code: 'APP_LOCKED', retryable: true, message: expect.stringContaining('Mật khẩu không đúng') },
    });
    expect(await app.call('lock.state', {})).toMatchObject({ ok: true, value: { locked: true } });
    // The token PIN is not the password (a PIN-like guess is just a wrong password).
    expect(await app.call('lock.unlock', { password: '123456' })).toMatchObject({ ok: false });

    app.idle = 0;
    expect(await app.call('lock.unlock', { password: DEMO_PASSWORD })).toEqual({
      ok: true,
      value: { locked: false, idleMinutes: 2 },
    });
    expect(app.changes).toEqual([
      { locked: true, idleMinutes: 2 },
      { locked: false, idleMinutes: 2 },
    ]);
    expect(await app.call('settings.get', {})).toMatchObject({ ok: true, value: { lock: { idleMinutes: 2 } } });
  }

  it('a person signed in online: idle beyond the limit locks, other channels refused, only their password unlocks', async () => {
    const started = await startServer();
    server = started.server;
    const app = open(started.url);
    expect(await app.call('people.signIn', { username: 'vanthu.snv', password: DEMO_PASSWORD })).toMatchObject({
      ok: true,
      value: { mode: 'online' },
    });
    await lockedAndUnlocked(app);

    // "Khóa màn hình" locks at once; 0 minutes means the idle time never locks.
    expect(await app.call('lock.now', {})).toMatchObject({ ok: true, value: { locked: true } });
    expect(await app.call('lock.unlock', { password: DEMO_PASSWORD })).toMatchObject({ ok: true });
    expect(await app.call('settings.update', { lock: { idleMinutes: 0 } })).toMatchObject({ ok: true });
    app.idle = 10 * 24 * 3600;
    await delay(150);
    expect(app.services.lock.isLocked()).toBe(false);
  });

  it('a person signed in offline (server unreachable) unlocks with the local verifier', async () => {
    const started = await startServer();
    server = started.server;
    const app = open(started.url);
    expect(await app.call('people.signIn', { username: 'lanhdao2.snv', password: DEMO_PASSWORD })).toMatchObject({
      ok: true,
    });
    expect(await app.call('people.signOut', {})).toMatchObject({ ok: true });
    started.server.faults.update({ outage: { startMs: 0, endMs: Number.MAX_SAFE_INTEGER } });
    expect(await app.call('people.signIn', { username: 'lanhdao2.snv', password: DEMO_PASSWORD })).toMatchObject({
      ok: true,
      value: { mode: 'offline' },
    });
    await lockedAndUnlocked(app);
  });

  it('with nobody signed in there is no password to unlock with, so nothing locks', async () => {
    const started = await startServer();
    server = started.server;
    const app = open(started.url);
    app.idle = 3600;
    await delay(150);
    expect(await app.call('lock.now', {})).toEqual({ ok: true, value: { locked: false, idleMinutes: 10 } });
    expect(await app.call('settings.get', {})).toMatchObject({ ok: true });
  });
});
