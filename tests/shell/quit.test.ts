import { afterEach, describe, expect, it } from 'vitest';
import { openProfileDatabase } from '../support/profile-at-rest.ts';
import { quitProblems } from './checks.ts';
import { startShell, type RunningShell } from './harness.ts';
import { INCOMING, ORGANIZATION } from './fixtures.ts';

describe('quitting the built Electron shell', () => {
  let shell: RunningShell | undefined;
  afterEach(() => {
    shell?.dispose();
    shell = undefined;
  });

  it('stops sync, answers the writes already sent, closes the store, then exits 0', async () => {
    shell = await startShell();
    await shell.vanthu.invoke('settings.update', { organization: ORGANIZATION });
    expect(await shell.vanthu.invoke('incoming.add', { input: INCOMING })).toMatchObject({ ok: true });
    // Sent, not awaited: the person closes the window while these are still on their way.
    const pending = [1, 2, 3].map((n) =>
      shell?.vanthu.invoke('incoming.add', { input: { ...INCOMING, so: `${12 + n}` } }),
    );
    const exitCode = await shell.quit();
    expect(quitProblems(shell, exitCode)).toEqual([]);
    expect(await Promise.all(pending)).toEqual([1, 2, 3].map(() => expect.objectContaining({ ok: true })));
    const names = shell.electron.timeline.names();
    expect(names.slice(names.indexOf('app.quit called'))).toEqual([
      'app.quit called',
      // The shell's before-quit handler stops sync at once (its wake sources detach) and holds the quit.
      'powerMonitor.off',
      'before-quit prevented',
      'app.quit called',
      'app.exited',
    ]);
    const db = openProfileDatabase(shell.profileDir, shell.electron.safeStorage);
    try {
      expect(db.prepare('select count(*) as n from incoming_documents').get()).toEqual({ n: 4 });
    } finally {
      db.close();
    }
  });
});
