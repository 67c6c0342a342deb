import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ReferenceServer } from '../../../server/app.ts';
import { openApp } from '../../support/app.ts';
import { startServer, tempDir } from './support.ts';

const SNV = '000.00.01.H99';

/** Every file under a folder, read as text (logs, settings, the database and its WAL). */
function everyFile(dir: string): { path: string; text: string }[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => join(dir, name))
    .filter((path) => statSync(path).isFile())
    .map((path) => ({ path, text: readFileSync(path).toString('latin1') }));
}

describe('login from the app (sync.login through dispatch)', () => {
  let server: ReferenceServer | undefined;
  afterEach(async () => {
    await server?.close();
  });

  it('uses the password once, keeps the session in memory, never writes or logs the password', async () => {
    const started = await startServer();
    server = started.server;
    // An account with a password that appears nowhere else, so a grep finds only a leak.
    const password = `Mk-${randomUUID()}`;
    started.server.db
      .prepare('insert into users (username, password, ma_dinh_danh) values (?, ?, ?)')
      .run('vanthu3.snv', password, SNV);
    const profileDir = join(tempDir('login'), 'profile');
    // The real file logger of the profile (no syncCredentials: only a login can open a session).
    const first = openApp({
      profileDir,
      logToProfile: true,
      organization: { maDinhDanh: SNV, name: 'Sở Nội vụ tỉnh Demo' },
    });
    try {
      expect(await first.call('sync.status', {})).toMatchObject({ ok: true, value: { needsLogin: true } });

      const refused = await first.call('sync.login', {
        serverUrl: started.url,
        username: 'vanthu3.snv',
        password: 'sai',
      });
      expect(refused).toMatchObject({ ok: false, error: { code: 'SYNC_AUTH' } });
      expect(first.services.settings.get().server.url).toBe('');

      const logged = await first.call('sync.login', { serverUrl: started.url, username: 'vanthu3.snv', password });
      expect(logged).toEqual({
        ok: true,
        value: { serverUrl: started.url, username: 'vanthu3.snv', maDinhDanh: SNV },
      });
      // The server and the account are remembered; the password is not.
      expect(first.services.settings.get().server).toMatchObject({ url: started.url, username: 'vanthu3.snv' });
      expect(await first.call('sync.status', {})).toMatchObject({ ok: true, value: { needsLogin: false } });
      expect(await first.call('sync.retryNow', {})).toMatchObject({
        ok: true,
        value: { connection: 'online', needsLogin: false, authRequired: false },
      });
      // Access tokens expire: the kept refresh token renews the session without the password.
      started.server.db.prepare(`delete from tokens where kind = 'access'`).run();
      expect(await first.call('sync.retryNow', {})).toMatchObject({
        ok: true,
        value: { connection: 'online', needsLogin: false, lastError: null },
      });
      // Logging out forgets the session: the next round asks for a login again.
      expect(await first.call('sync.logout', {})).toMatchObject({ ok: true, value: { needsLogin: true } });
      expect(await first.call('sync.retryNow', {})).toMatchObject({
        ok: true,
        value: { authRequired: true, needsLogin: true },
      });
    } finally {
      await first.close();
    }

    // Outside Electron the refresh token lives in memory only: a restart asks for a new login.
    // The organization is already in the profile's settings.
    const second = openApp({ profileDir, logToProfile: true, organization: null });
    try {
      expect(await second.call('sync.status', {})).toMatchObject({ ok: true, value: { needsLogin: true } });
    } finally {
      await second.close();
    }

    const files = everyFile(profileDir);
    // The log was written (the login is in it, by user name), and the grep covers it.
    expect(files.some((file) => file.text.includes('sync.login') && file.text.includes('vanthu3.snv'))).toBe(true);
    expect(files.filter((file) => file.text.includes(password)).map((file) => file.path)).toEqual([]);
  });
});
