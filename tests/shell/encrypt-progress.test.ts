import { afterEach, describe, expect, it } from 'vitest';
import { ENCRYPTING_QUERY, IPC_EVENT } from '../../preload/contract/index.ts';
import { isProfileEncrypted } from '../../main/services/vault/profile-vault.ts';
import {
  filesContaining,
  newProfile,
  openProfile,
  registerDocuments,
  SECRET_TRICH_YEU,
} from '../integration/store/vault-helpers.ts';
import { startShell, type RunningShell } from './harness.ts';

/*
 * The first start after the upgrade on a plain profile holding documents: the built shell opens a
 * window showing only the encryption's progress (the renderer's page with its query), feeds it
 * `profile.encrypting` events from main while the database and each stored file are encrypted,
 * then opens the app's own window and closes the progress one.
 */
describe('encrypting a plain profile at the first start of the built Electron shell', () => {
  let shell: RunningShell | undefined;
  afterEach(async () => {
    await shell?.quit();
    shell?.dispose();
    shell = undefined;
  });

  it('shows the progress in a window before the app opens, then encrypts everything', async () => {
    const { profile } = newProfile();
    const opened = openProfile(profile);
    registerDocuments(profile, opened.store, 12);
    opened.close();
    expect(isProfileEncrypted(profile.root)).toBe(false);

    shell = await startShell({ profileDir: profile.root });
    const { electron } = shell;
    const [progressWindow, appWindow] = electron.windows;
    expect(progressWindow?.loaded?.url).toContain(`?${ENCRYPTING_QUERY}`);
    // The renderer's own page, under the CSP, like the app's.
    expect(progressWindow?.loaded?.headers.get('content-security-policy')).toBeTruthy();
    expect(progressWindow?.isDestroyed()).toBe(true);
    expect(appWindow).toBe(shell.window);
    expect(appWindow?.loaded?.url).not.toContain(ENCRYPTING_QUERY);

    const events = (progressWindow?.webContents.sent ?? [])
      .filter((m) => m.channel === IPC_EVENT && m.args[0] === 'profile.encrypting')
      .map((m) => m.args[1] as { phase: string; done?: number; total?: number });
    expect(events[0]).toEqual({ phase: 'key' });
    expect(events[1]).toMatchObject({ phase: 'database', bytes: expect.any(Number) });
    const files = events.filter((e) => e.phase === 'files');
    expect(files.map((e) => e.done)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(events.at(-1)).toEqual({ phase: 'done', files: 12 });
    // The app's window hears none of it; the progress window never reached a handler.
    expect(appWindow?.webContents.sent.some((m) => m.args[0] === 'profile.encrypting')).toBe(false);

    expect(isProfileEncrypted(profile.root)).toBe(true);
    expect(filesContaining(profile, SECRET_TRICH_YEU)).toEqual([]);
    expect(filesContaining(profile, '%PDF')).toEqual([]);
    // The recovery key made at this start is shown once, in the app's window.
    expect(electron.dialog.messageBoxes).toHaveLength(1);
  }, 60_000);
});
