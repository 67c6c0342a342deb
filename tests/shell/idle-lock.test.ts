import { afterAll, describe, expect, it } from 'vitest';
import type { ReferenceServer } from '../../server/app.ts';
import { DEMO_PASSWORD } from '../../server/seed.ts';
import { startServer } from '../integration/sync/support.ts';
import { startShell, waitFor, type RunningShell } from './harness.ts';

/** The organization of the demo accounts on the reference server. */
const SNV = { maDinhDanh: '000.00.01.H99', name: 'Sở Nội vụ tỉnh Demo' };

/*
 * The built shell reads the idle time from Electron's powerMonitor (the double's), locks once it
 * passes the setting, tells the page, and refuses the page's other calls until the password; the
 * OS going to sleep or showing its lock screen (powerMonitor 'suspend', 'lock-screen') locks at once.
 */
describe('the idle lock in the built Electron shell', () => {
  let shell: RunningShell | undefined;
  let server: ReferenceServer | undefined;
  afterAll(async () => {
    await shell?.quit();
    shell?.dispose();
    await server?.close();
  });

  it('locks when the system has been idle longer than the setting, and the page is told', async () => {
    const started = await startServer();
    server = started.server;
    shell = await startShell();
    const { vanthu, electron } = shell;
    expect(
      await vanthu.invoke('settings.update', {
        organization: SNV,
        server: { url: started.url },
        lock: { idleMinutes: 1 },
      }),
    ).toMatchObject({ ok: true });
    expect(await vanthu.invoke('people.signIn', { username: 'vanthu.snv', password: DEMO_PASSWORD })).toMatchObject({
      ok: true,
    });
    const changes: unknown[] = [];
    vanthu.on('lock.changed', (payload) => changes.push(payload));

    electron.powerMonitor.idleSeconds = 61;
    await waitFor('the page to hear of the lock', () => changes.length > 0);
    expect(changes).toEqual([{ locked: true, idleMinutes: 1 }]);
    expect(await vanthu.invoke('settings.get', {})).toMatchObject({ ok: false, error: { code: 'APP_LOCKED' } });

    electron.powerMonitor.idleSeconds = 0;
    expect(await vanthu.invoke('lock.unlock', { password: 'sai-mat-khau' })).toMatchObject({ ok: false });
    expect(await vanthu.invoke('lock.unlock', { password: DEMO_PASSWORD })).toMatchObject({
      ok: true,
      value: { locked: false },
    });
    expect(changes).toEqual([
      { locked: true, idleMinutes: 1 },
      { locked: false, idleMinutes: 1 },
    ]);
    expect(await vanthu.invoke('settings.get', {})).toMatchObject({ ok: true });
  }, 60_000);

  it('locks at once when the machine goes to sleep or the OS lock screen comes up, whatever the idle time', async () => {
    const running = shell;
    if (running === undefined) {
      throw new Error('the first test starts the shell');
    }
    const { vanthu, electron } = running;
    // A long idle setting: only the OS events can lock within this test.
    expect(await vanthu.invoke('settings.update', { lock: { idleMinutes: 60 } })).toMatchObject({ ok: true });
    electron.powerMonitor.idleSeconds = 0;
    const changes: unknown[] = [];
    vanthu.on('lock.changed', (payload) => changes.push(payload));

    electron.powerMonitor.lockScreen();
    await waitFor('the lock on the OS lock screen', () => changes.length > 0);
    expect(changes).toEqual([{ locked: true, idleMinutes: 60 }]);
    expect(await vanthu.invoke('settings.get', {})).toMatchObject({ ok: false, error: { code: 'APP_LOCKED' } });
    expect(await vanthu.invoke('lock.unlock', { password: DEMO_PASSWORD })).toMatchObject({ ok: true });

    electron.powerMonitor.suspend();
    await waitFor('the lock on sleep', () => changes.length > 2);
    expect(changes).toEqual([
      { locked: true, idleMinutes: 60 },
      { locked: false, idleMinutes: 60 },
      { locked: true, idleMinutes: 60 },
    ]);
    expect(await vanthu.invoke('settings.get', {})).toMatchObject({ ok: false, error: { code: 'APP_LOCKED' } });
    expect(await vanthu.invoke('lock.unlock', { password: DEMO_PASSWORD })).toMatchObject({ ok: true });
  }, 60_000);
});
