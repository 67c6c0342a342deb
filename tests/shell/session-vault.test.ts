import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ReferenceServer } from '../../server/app.ts';
import { DEMO_PASSWORD } from '../../server/seed.ts';
import { startServer } from '../integration/sync/support.ts';
import { startShell, type RunningShell } from './harness.ts';

/** The organization of the demo account vanthu.snv on the reference server. */
const SNV = { maDinhDanh: '000.00.01.H99', name: 'Sở Nội vụ tỉnh Demo' };

describe('the server session, wrapped by safeStorage in the profile', () => {
  let shell: RunningShell | undefined;
  let server: ReferenceServer | undefined;
  afterEach(async () => {
    await shell?.quit();
    shell?.dispose();
    shell = undefined;
    await server?.close();
  });

  async function logIn(): Promise<RunningShell> {
    const started = await startServer();
    server = started.server;
    shell = await startShell();
    await shell.vanthu.invoke('settings.update', { organization: SNV });
    expect(
      await shell.vanthu.invoke('sync.login', {
        serverUrl: started.url,
        username: 'vanthu.snv',
        password: DEMO_PASSWORD,
      }),
    ).toMatchObject({ ok: true, value: { username: 'vanthu.snv', maDinhDanh: SNV.maDinhDanh } });
    return shell;
  }

  it('keeps the refresh token only as safeStorage ciphertext, never the password', async () => {
    const running = await logIn();
    const file = join(running.profileDir, 'sync-session.bin');
    const onDisk = readFileSync(file);
    expect(running.electron.safeStorage.encryptions).toBeGreaterThan(0);
    expect(onDisk.toString('latin1')).not.toMatch(/vanthu\.snv|refreshToken|demo/);
    const session = JSON.parse(running.electron.safeStorage.decryptString(onDisk)) as Record<string, string>;
    expect(session).toMatchObject({
      username: 'vanthu.snv',
      maDinhDanh: SNV.maDinhDanh,
      refreshToken: expect.any(String),
    });
    expect(Object.values(session)).not.toContain(DEMO_PASSWORD);
  });

  it('writes nothing where the OS offers no encryption', async () => {
    const started = await startServer();
    server = started.server;
    shell = await startShell();
    shell.electron.safeStorage.available = false;
    await shell.vanthu.invoke('settings.update', { organization: SNV });
    expect(
      await shell.vanthu.invoke('sync.login', {
        serverUrl: started.url,
        username: 'vanthu.snv',
        password: DEMO_PASSWORD,
      }),
    ).toMatchObject({ ok: true });
    expect(existsSync(join(shell.profileDir, 'sync-session.bin'))).toBe(false);
  });
});
