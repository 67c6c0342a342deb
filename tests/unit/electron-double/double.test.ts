import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createElectronDouble } from '../../support/electron-double/index.ts';

/** The double's own rules, as Electron documents them: the smoke suite relies on each. */
describe('the Electron double follows Electron’s documented life cycle', () => {
  const make = () => createElectronDouble({ userData: mkdtempSync(join(tmpdir(), 'vanthu-double-')) });

  it('emits ready before whenReady() resolves, and allows privileged schemes only before it', async () => {
    const electron = make();
    const seen: string[] = [];
    electron.app.on('ready', () => seen.push('ready'));
    const ready = electron.app.whenReady().then(() => seen.push('whenReady'));
    electron.protocol.registerSchemesAsPrivileged([{ scheme: 'app', privileges: { standard: true } }]);
    expect(() => electron.protocol.handle('app', () => new Response(''))).toThrow(/after app is ready/);
    expect(() => new electron.BrowserWindow({})).toThrow('Cannot create BrowserWindow before app is ready');
    expect(electron.safeStorage.isEncryptionAvailable()).toBe(false);
    electron.app.emitReady();
    await ready;
    expect(seen).toEqual(['ready', 'whenReady']);
    expect(() => electron.protocol.registerSchemesAsPrivileged([{ scheme: 'x' }])).toThrow(/before app is ready/);
    expect(electron.safeStorage.isEncryptionAvailable()).toBe(true);
  });

  it('announces each window’s web contents, and refuses a second handler on one channel', () => {
    const electron = make();
    electron.app.emitReady();
    const created: unknown[] = [];
    electron.app.on('web-contents-created', (_event: unknown, contents: unknown) => created.push(contents));
    const window = new electron.BrowserWindow({});
    expect(created).toEqual([window.webContents]);
    electron.ipcMain.handle('c', () => 1);
    expect(() => electron.ipcMain.handle('c', () => 2)).toThrow("Attempted to register a second handler for 'c'");
  });

  it('quits in order before-quit → windows close → will-quit → quit, without window-all-closed', async () => {
    const electron = make();
    electron.app.emitReady();
    const window = new electron.BrowserWindow({});
    const seen: string[] = [];
    for (const name of ['before-quit', 'will-quit', 'quit', 'window-all-closed']) {
      electron.app.on(name, () => seen.push(name));
    }
    window.on('closed', () => seen.push('closed'));
    electron.app.quit();
    expect(await electron.app.exited).toBe(0);
    expect(seen).toEqual(['before-quit', 'closed', 'will-quit', 'quit']);
  });

  it('lets before-quit and a window’s close hold the quit; closing the last window raises window-all-closed', async () => {
    const electron = make();
    electron.app.emitReady();
    const window = new electron.BrowserWindow({});
    let hold = true;
    electron.app.on('before-quit', (event: { preventDefault(): void }) => hold && event.preventDefault());
    electron.app.quit();
    await new Promise((r) => setImmediate(r));
    expect(electron.app.exitCode()).toBeUndefined();
    hold = false;
    let allClosed = 0;
    electron.app.on('window-all-closed', () => (allClosed += 1));
    window.close();
    expect(allClosed).toBe(1);
    electron.app.quit();
    expect(await electron.app.exited).toBe(0);
  });

  it('wraps with safeStorage so the plain text is not in the ciphertext, and unwraps it again', () => {
    const electron = make();
    electron.app.emitReady();
    const wrapped = electron.safeStorage.encryptString('refresh-token-bí-mật');
    expect(wrapped.toString('latin1')).not.toContain('refresh-token');
    expect(electron.safeStorage.decryptString(wrapped)).toBe('refresh-token-bí-mật');
  });
});
