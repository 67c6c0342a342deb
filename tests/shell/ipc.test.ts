import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { attachmentPath } from '../../main/services/store/attachments.ts';
import { storedFileOutside } from '../support/profile-at-rest.ts';
import { INCOMING, ORGANIZATION } from './fixtures.ts';
import { BUILT_MAIN, startShell, type RunningShell } from './harness.ts';

const PDF = join(import.meta.dirname, '../fixtures/pdf/lo-qd-kt-1.pdf');
describe('IPC through the built preload and the Electron registration, to real handlers', () => {
  let shell: RunningShell | undefined;
  afterEach(async () => {
    if (shell !== undefined && shell.electron.app.exitCode() === undefined) {
      await shell.quit();
    }
    shell?.dispose();
    shell = undefined;
  });

  it('round-trips settings and a registration into the real store, and back', async () => {
    shell = await startShell();
    const { vanthu } = shell;
    expect(await vanthu.invoke('app.getInfo', {})).toMatchObject({
      ok: true,
      value: { shell: 'electron', profileDir: shell.profileDir },
    });
    expect(await vanthu.invoke('settings.update', { organization: ORGANIZATION })).toMatchObject({ ok: true });
    // electron-store keeps settings in the profile folder, not in Electron's userData.
    expect(existsSync(join(shell.profileDir, 'settings.json'))).toBe(true);
    expect(await vanthu.invoke('incoming.add', { input: INCOMING })).toMatchObject({
      ok: true,
      value: { document: { soDenHienThi: 'T-01', state: 'da-den' } },
    });
    const listed = await vanthu.invoke('incoming.list', { search: 'dam bao an toan' });
    expect(listed.ok && (listed.value as unknown[]).length).toBe(1);
    // Bad input is refused by the contract's schema before any handler runs.
    expect(await vanthu.invoke('incoming.add', { input: { ...INCOMING, so: '' } })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
  });

  it('refuses a call from a frame that is not the app’s own top frame', async () => {
    shell = await startShell();
    const { ipcMain } = shell.electron;
    const contents = shell.window.webContents;
    const foreign = await ipcMain.invoke(contents, { url: 'https://example.com/', parent: null }, 'vanthu:invoke', [
      'app.getInfo',
      {},
    ]);
    const iframe = await ipcMain.invoke(
      contents,
      { url: 'app://vanthu/index.html', parent: { url: 'app://vanthu/index.html', parent: null } },
      'vanthu:invoke',
      ['app.getInfo', {}],
    );
    expect(foreign).toMatchObject({ ok: false, error: { code: 'IPC_FORBIDDEN' } });
    expect(iframe).toMatchObject({ ok: false, error: { code: 'IPC_FORBIDDEN' } });
  });

  it('takes a file from the native open dialog into the content store and answers with a handle, never a path', async () => {
    shell = await startShell();
    shell.electron.dialog.willPick(PDF);
    const chosen = await shell.vanthu.invoke('files.choose', { purpose: 'pdf' });
    const bytes = readFileSync(PDF);
    expect(chosen).toMatchObject({ ok: true, value: { name: 'lo-qd-kt-1.pdf', size: bytes.length, purpose: 'pdf' } });
    const { sha256 } = chosen.value as { sha256: string };
    // Sealed on disk (encryption is on by default); the store gives the chosen bytes back.
    expect(readFileSync(attachmentPath(join(shell.profileDir, 'files'), sha256)).includes('%PDF')).toBe(false);
    expect(readFileSync(storedFileOutside(shell.profileDir, sha256, shell.electron.safeStorage))).toEqual(bytes);
    expect(JSON.stringify(chosen)).not.toContain(PDF);
    expect(shell.electron.dialog.opened).toEqual([
      expect.objectContaining({
        properties: ['openFile'],
        filters: [expect.objectContaining({ extensions: ['pdf'] })],
      }),
    ]);
    // A cancelled dialog is no file, not an error.
    expect(await shell.vanthu.invoke('files.choose', { purpose: 'pdf' })).toEqual({ ok: true, value: null });
  });

  it('checks an arriving document in the bundled inspection worker beside main.cjs', async () => {
    shell = await startShell();
    await shell.vanthu.invoke('settings.update', { organization: ORGANIZATION });
    shell.electron.dialog.willPick(PDF);
    const chosen = await shell.vanthu.invoke('files.choose', { purpose: 'pdf' });
    const added = await shell.vanthu.invoke('incoming.add', {
      input: { ...INCOMING, source: 'email' },
      file: (chosen.value as { handle: string }).handle,
    });
    expect(added, JSON.stringify(added)).toMatchObject({ ok: true });
    const id = (added.value as { document: { id: string } }).document.id;
    let check = null as { verdict: string; findings: { code: string }[] } | null;
    for (let i = 0; i < 300 && check === null; i += 1) {
      const got = await shell.vanthu.invoke('incoming.get', { id });
      check = (got.value as { arrivalCheck: typeof check }).arrivalCheck;
      if (check === null) {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
    // Not found or not started, the worker would have left the file reported as not checked.
    expect(check?.findings.map((f) => f.code)).not.toContain('CHECK_FAILED');
    expect(check?.verdict).toMatch(/^(valid|indeterminate|invalid)$/u);
    expect(existsSync(join(dirname(BUILT_MAIN), 'inspect-worker.cjs'))).toBe(true);
  });
});
