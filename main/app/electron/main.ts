import { join } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, net, Notification, powerMonitor, protocol, shell } from 'electron';
import { pathToFileURL } from 'node:url';
import { createHandlerTable } from '../../ipc/handlers.ts';
import { forwardEvents, registerElectronIpc } from '../../ipc/register-electron.ts';
import { createElectronSessionVault } from '../../platform/electron-session-vault.ts';
import { electronFileChooser } from '../../platform/electron-file-chooser.ts';
import { createElectronNotifier } from '../../platform/electron-notifier.ts';
import { electronIdleSeconds } from '../../platform/electron-idle.ts';
import { lockOnSystemEvents } from '../../platform/electron-lock-events.ts';
import { electronSaveChooser } from '../../platform/electron-save-chooser.ts';
import { openElectronSettings } from '../../platform/electron-settings.ts';
import { startBackground, type Background } from '../background.ts';
import { composeServices } from '../compose.ts';
import type { Services } from '../../ipc/services.ts';
import { watchNetworkReturn } from '../../services/sync/network-return.ts';
import { electronKeystore } from '../../platform/electron-keystore.ts';
import { defaultKeyFilePath } from '../../services/vault/key-files.ts';
import {
  encryptsAtStart,
  encryptsByDefault,
  startProfileYielding,
  type ProfileStart,
} from '../../services/vault/profile-start.ts';
import { ENCRYPTING_QUERY, IPC_EVENT } from '../../../preload/contract/index.ts';
import { recoveryKeyNotice } from '../../services/vault/recovery-notice.ts';
import { profilePaths, resolveProfileDir } from '../../services/disk/profile-paths.ts';
import { APP_HOST, APP_ORIGIN, APP_SCHEME } from '../../platform/app-origin.ts';
import { CONTENT_SECURITY_POLICY } from '../window/csp.ts';

import { hardenContents } from '../window/harden.ts';
import { createWindowOptions } from '../window/window-options.ts';

/*
 * The thin Electron shell: window, preload bridge, protocol, IPC registration. No business
 * logic lives here; everything it calls is plain Node and is tested without Electron.
 */

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

// scripts/build.ts bundles this file to CommonJS (dist/electron/main.cjs), so __dirname is that folder.
const rendererDir = join(__dirname, '..', 'renderer');

let serving = false;

/** The renderer over app:// with the CSP header, and the contents' guards; once, before any window. */
function serveRenderer(): void {
  if (serving) {
    return;
  }
  serving = true;
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    if (url.host !== APP_HOST) {
      return new Response('not found', { status: 404 });
    }
    const path = url.pathname === '/' ? '/index.html' : url.pathname;
    const file = join(rendererDir, path);
    if (!file.startsWith(rendererDir)) {
      return new Response('forbidden', { status: 403 });
    }
    const response = await net.fetch(pathToFileURL(file).toString());
    const headers = new Headers(response.headers);
    headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    return new Response(response.body, { status: response.status, headers });
  });

  app.on('web-contents-created', (_event, contents) => {
    hardenContents(contents, (url) => void shell.openExternal(url));
  });
}

/**
 * The window of the in-place encryption: the renderer's progress state only (it calls nothing;
 * no handler is registered yet), fed by `profile.encrypting` events until the app's window opens.
 */
async function openProgressWindow(): Promise<BrowserWindow> {
  serveRenderer();
  const window = new BrowserWindow(createWindowOptions(join(__dirname, 'preload.cjs')));
  window.once('ready-to-show', () => window.show());
  await window.loadURL(`${APP_ORIGIN}/index.html?${ENCRYPTING_QUERY}`);
  return window;
}

async function start(): Promise<void> {
  await app.whenReady();
  const profileDir = process.env['VANTHU_PROFILE'] ?? resolveProfileDir();
  const profile = profilePaths(profileDir);
  const options = { encryptPlain: encryptsByDefault(process.env) };
  // Encrypting a large plain profile in place takes a while: a window shows its progress first.
  const progressWindow = encryptsAtStart(profile, options) ? await openProgressWindow() : undefined;
  let started: ProfileStart;
  try {
    // The key wrapped by safeStorage (DPAPI, Keychain, libsecret); the key file where it has none.
    started = await startProfileYielding(
      profile,
      { keystore: electronKeystore(), keyFile: defaultKeyFilePath(profileDir) },
      options,
      (progress) => {
        if (progressWindow !== undefined && !progressWindow.isDestroyed()) {
          progressWindow.webContents.send(IPC_EVENT, 'profile.encrypting', progress);
        }
      },
    );
  } catch (error) {
    dialog.showErrorBox('Văn thư số', error instanceof Error ? error.message : String(error));
    app.quit();
    return;
  }
  const services = composeServices({
    ...(started.key === undefined ? {} : { profileKey: started.key }),
    profileDir,
    shell: 'electron',
    settings: openElectronSettings(profileDir),
    fileChooser: electronFileChooser(),
    saveChooser: electronSaveChooser(),
    sessionVault: createElectronSessionVault(profileDir),
    // The window exists only later; a notice clicked before it does opens nothing.
    notifier: (events) => createElectronNotifier({ Notification, window: () => mainWindow, events }),
    idleSeconds: electronIdleSeconds(powerMonitor),
  });
  registerElectronIpc(ipcMain, createHandlerTable(services), services);
  // Sleep and the OS lock screen lock the app at once; attached for the app's whole life.
  lockOnSystemEvents(powerMonitor, () => {
    services.lock.lockNow().catch((error: unknown) => services.log.error('lock.system_event_failed', { error }));
  });

  serveRenderer();

  const window = new BrowserWindow(createWindowOptions(join(__dirname, 'preload.cjs')));
  mainWindow = window;
  // The progress window goes once the app's own window exists (closing it first would quit).
  progressWindow?.close();
  const stopEvents = forwardEvents(services, window.webContents);
  window.on('closed', stopEvents);
  window.once('ready-to-show', () => {
    window.show();
    if (started.recoveryKey !== null) {
      void dialog.showMessageBox(window, {
        type: 'warning',
        title: 'Khóa khôi phục',
        message: recoveryKeyNotice(started.recoveryKey),
      });
    }
  });
  await window.loadURL(`${APP_ORIGIN}/index.html`);
  const background = startBackground(services, {
    wakeSources: [
      (wake) => watchNetworkReturn(() => net.isOnline(), wake),
      (wake) => {
        powerMonitor.on('resume', wake);
        return () => powerMonitor.off('resume', wake);
      },
    ],
  });
  running = { services, background };
}

let mainWindow: BrowserWindow | undefined;
let running: { services: Services; background: Background } | undefined;
let quitting = false;
// Quit waits for sync to finish its current request, so nothing is cut mid-transaction, then
// closes the store: requests already queued are answered and the database is closed cleanly.
app.on('before-quit', (event) => {
  if (running === undefined || quitting) {
    return;
  }
  event.preventDefault();
  quitting = true;
  const { services, background } = running;
  void background
    .stop()
    .then(() => services.store.close())
    .catch((error: unknown) => services.log.error('app.quit_failed', { error }))
    .finally(() => app.quit());
});
app.on('window-all-closed', () => app.quit());
start().catch((error: unknown) => {
  dialog.showErrorBox(
    'Văn thư số',
    `Ứng dụng không khởi động được: ${error instanceof Error ? error.message : String(error)}`,
  );
  app.exit(1);
});
