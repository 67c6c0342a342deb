import { AppDouble } from './app.ts';
import { browserWindowClass, type BrowserWindowDouble } from './browser-window.ts';
import { IpcMainDouble } from './ipc-main.ts';
import {
  DialogDouble,
  notificationClass,
  PowerMonitorDouble,
  SafeStorageDouble,
  ShellDouble,
  type NotificationDouble,
} from './platform.ts';
import { NetDouble, ProtocolDouble } from './protocol.ts';
import { Timeline } from './timeline.ts';

export type { BrowserWindowDouble } from './browser-window.ts';
export type { NotificationDouble } from './platform.ts';
export type { PageDouble } from './renderer.ts';
export { SANDBOX_MODULES } from './renderer.ts';
export { Timeline } from './timeline.ts';

/**
 * One Electron, in memory: what `require('electron')` returns in the main process (`module`)
 * plus the handles a test drives it with (emit ready, script a dialog, click a notification …).
 * Each part is typed against the `electron` package's .d.ts (see each class's `implements`).
 */
export function createElectronDouble(options: { userData: string }) {
  const timeline = new Timeline();
  const windows: BrowserWindowDouble[] = [];
  const notifications: NotificationDouble[] = [];
  const app = new AppDouble(timeline, () => windows, options.userData);
  const isReady = (): boolean => app.isReady();
  const ipcMain = new IpcMainDouble(timeline);
  const protocol = new ProtocolDouble(timeline, isReady);
  const BrowserWindow = browserWindowClass({ app, timeline, protocol, ipcMain, windows });
  const parts = {
    app,
    BrowserWindow,
    ipcMain,
    protocol,
    net: new NetDouble(),
    dialog: new DialogDouble(),
    safeStorage: new SafeStorageDouble(isReady),
    shell: new ShellDouble(),
    powerMonitor: new PowerMonitorDouble(),
    Notification: notificationClass(timeline, notifications),
  };
  // Listeners the shell attaches are steps of its start too (settings, hardening, sync's wake sources).
  app.on('newListener', (event: string) => timeline.record('app.on', event));
  ipcMain.on('newListener', (event: string) => timeline.record('ipcMain.on', event));
  parts.powerMonitor.on('newListener', (event: string) => timeline.record('powerMonitor.on', event));
  parts.powerMonitor.on('removeListener', (event: string) => timeline.record('powerMonitor.off', event));
  return {
    ...parts,
    timeline,
    windows,
    notifications,
    /** What the main bundle gets from `require('electron')`. */
    module: parts as Record<string, unknown>,
  };
}

export type ElectronDouble = ReturnType<typeof createElectronDouble>;
