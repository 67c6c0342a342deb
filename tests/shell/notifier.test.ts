import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { composeServices } from '../../main/app/compose.ts';
import { forwardEvents } from '../../main/ipc/register-electron.ts';
import { createElectronNotifier } from '../../main/platform/electron-notifier.ts';
import { silentLogger } from '../../main/services/log/logger.ts';
import { startShell, type RunningShell } from './harness.ts';

/*
 * No path on main calls the notifier yet (#16 calls it when inbox items arrive), so the adapter
 * is driven here through the composition it is wired into: services composed with the Electron
 * notifier over the double's Notification, the window of the running built shell, and the event
 * forwarding the shell uses, down to `window.vanthu.on` in the built preload.
 */
describe('desktop notifications through Electron’s Notification', () => {
  let shell: RunningShell;
  beforeAll(async () => {
    shell = await startShell();
  });
  afterEach(() => {
    shell.electron.notifications.length = 0;
    (shell.electron.Notification as unknown as { supported: boolean }).supported = true;
  });
  afterAll(async () => {
    await shell.quit();
    shell.dispose();
  });

  function composed() {
    const { electron, window } = shell;
    const services = composeServices({
      profileDir: mkdtempSync(join(tmpdir(), 'vanthu-notice-')),
      shell: 'electron',
      log: silentLogger,
      notifier: (events) =>
        createElectronNotifier({ Notification: electron.Notification, window: () => window, events }),
    });
    forwardEvents(services, window.webContents);
    const opened: unknown[] = [];
    shell.vanthu.on('app.openDocument', (payload) => opened.push(payload));
    return { services, electron, window, opened };
  }

  it('shows the notice; a click restores and focuses the window and opens the document in the renderer', async () => {
    const { services, electron, window, opened } = composed();
    window.minimize();
    services.notifier.notify({ title: 'Văn bản đến mới', body: 'Sở Nội vụ: Về việc tuyển dụng', documentId: 'vb-1' });
    const [notification] = electron.notifications;
    expect(notification?.shown).toBe(true);
    expect(notification?.options).toMatchObject({
      title: 'Văn bản đến mới',
      body: 'Sở Nội vụ: Về việc tuyển dụng',
      urgency: 'normal',
    });
    expect(opened).toEqual([]);
    const focused = window.focusCount;
    notification?.click();
    expect(window.isMinimized()).toBe(false);
    expect(window.focusCount).toBe(focused + 1);
    expect(opened).toEqual([{ documentId: 'vb-1' }]);
  });

  it('keeps urgent notices until dismissed, and opens nothing for a notice without a document', async () => {
    const { services, electron, opened } = composed();
    services.notifier.notify({ title: 'Hỏa tốc', body: 'Công điện', urgent: true });
    expect(electron.notifications[0]?.options).toMatchObject({ urgency: 'critical', timeoutType: 'never' });
    electron.notifications[0]?.click();
    expect(opened).toEqual([]);
  });

  it('drops notices where the OS has no notification service', async () => {
    const { services, electron } = composed();
    (electron.Notification as unknown as { supported: boolean }).supported = false;
    services.notifier.notify({ title: 'Văn bản đến mới', body: 'x' });
    expect(electron.notifications).toEqual([]);
  });

  it.todo('raises a notification when an inbox item arrives through sync (#16 wires the arrival to services.notifier)');
});
