import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../main/app/window/csp.ts';
import { handlerProblems, preloadProblems, startupProblems } from './checks.ts';
import { BUILT_PRELOAD, startShell, type RunningShell } from './harness.ts';

describe('the built Electron shell starts against the Electron double', () => {
  // One start serves every observation below (loading the 10 MB bundle is most of a start's cost).
  let shell: RunningShell;
  beforeAll(async () => {
    shell = await startShell();
  });
  afterAll(async () => {
    await shell.quit();
    shell.dispose();
  });

  it('starts in order: scheme, ready, settings in the profile, IPC, protocol, hardening, window, page, sync', async () => {
    expect(startupProblems(shell.electron.timeline)).toEqual([]);
    // The profile folder named by VANTHU_PROFILE holds the log, which saw sync start.
    const log = readFileSync(join(shell.profileDir, 'logs', 'vanthu.log'), 'utf8');
    expect(log).toContain('"event":"background.started","wakeSources":2');
    expect(shell.electron.net.onlineChecks).toBeGreaterThan(0);
  });

  it('creates the window with the hardened options and shows it only once it is ready', async () => {
    expect(shell.electron.windows).toHaveLength(1);
    expect(shell.window.options).toMatchObject({
      show: false,
      webPreferences: {
        preload: BUILT_PRELOAD,
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        nodeIntegrationInSubFrames: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        webviewTag: false,
      },
    });
    expect(shell.window.isVisible()).toBe(true);
  });

  it('hardens every web contents: no new windows, no foreign navigation, no permission', async () => {
    const contents = shell.window.webContents;
    expect(contents.windowOpen('https://dichvucong.gov.vn/')).toEqual({ action: 'deny' });
    expect(contents.windowOpen('http://example.com/')).toEqual({ action: 'deny' });
    // Only https links leave, and only to the system browser.
    expect(shell.electron.shell.opened).toEqual(['https://dichvucong.gov.vn/']);
    expect(contents.navigate('https://example.com/')).toBe(false);
    expect(contents.navigate('app://vanthu/index.html#/den')).toBe(true);
    expect(await contents.session.request(contents as never, 'notifications')).toBe(false);
    expect(await contents.session.request(contents as never, 'media')).toBe(false);
  });

  it('serves the renderer through the app:// protocol handler with the CSP header, and nothing else', async () => {
    const page = shell.window.loaded;
    expect(page?.url).toBe('app://vanthu/index.html');
    expect(page?.status).toBe(200);
    expect(page?.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(page?.body).toContain('<div id="root"');
    expect(shell.electron.protocol.privileged).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
    expect((await shell.electron.protocol.serve('app://other/index.html')).status).toBe(404);
    await expect(shell.electron.protocol.serve('app://vanthu/khong-co.js')).rejects.toThrow(/ERR_FILE_NOT_FOUND/);
  });

  it('exposes exactly the contract to the page, from a preload that needs only the sandbox', async () => {
    const page = shell.window.loaded?.page;
    expect(page && preloadProblems(page)).toEqual([]);
    expect(page?.required).toEqual(['electron']);
  });

  it('answers every probed channel through the Electron registration', async () => {
    expect(await handlerProblems(shell)).toEqual([]);
  });
});
