import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { forwardEvents } from '../../main/ipc/register-electron.ts';
import { createElectronNotifier } from '../../main/platform/electron-notifier.ts';
import { startBackground } from '../../main/app/background.ts';
import type { ReferenceServer } from '../../server/app.ts';
import { DEMO_PASSWORD } from '../../server/seed.ts';
import { startServer } from '../integration/sync/support.ts';
import { openApp } from '../support/app.ts';
import { startShell, waitFor, type RunningShell } from './harness.ts';

/** The organization of the demo accounts on the reference server. */
const SNV = { maDinhDanh: '000.00.01.H99', name: 'Sở Nội vụ tỉnh Demo' };

/*
 * The adapter driven through the composition it is wired into: services composed with the Electron
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
    // An unconfigured profile: the notifier needs no organization.
    const { services } = openApp({
      prefix: 'vanthu-notice-',
      shell: 'electron',
      organization: null,
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
});

/*
 * The arrival path itself: the built shell is a leader's workstation signed in on the reference
 * server; a văn thư's workstation (the same services composed in this process) presents a document
 * to that leader, and the shell's long-polled office inbox raises Electron's notification on its own.
 */
describe('a notification raised by an arriving item', () => {
  let shell: RunningShell | undefined;
  let server: ReferenceServer | undefined;
  const closing: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const close of closing.reverse()) {
      await close();
    }
    await shell?.quit();
    shell?.dispose();
    await server?.close();
  });

  it('shows the leader a notice when a văn thư presents a document to them', async () => {
    const started = await startServer();
    server = started.server;
    shell = await startShell();
    const org = { organization: SNV, server: { url: started.url } };
    expect(await shell.vanthu.invoke('settings.update', org)).toMatchObject({ ok: true });
    expect(
      await shell.vanthu.invoke('people.signIn', { username: 'lanhdao.snv', password: DEMO_PASSWORD }),
    ).toMatchObject({ ok: true, value: { roles: ['lanh-dao'] } });

    const app = openApp({ prefix: 'vanthu-notice-vt-', organization: SNV });
    const { services: vt, call } = app;
    vt.settings.update({ server: org.server });
    const background = startBackground(vt);
    closing.push(async () => {
      await background.stop();
      await app.close();
    });
    expect(await call('people.signIn', { username: 'vanthu.snv', password: DEMO_PASSWORD })).toMatchObject({
      ok: true,
    });
    const bytes = Buffer.from('%PDF-1.7\n% công văn\n%%EOF\n');
    const { handle } = vt.files.begin('pdf', 'cong-van.pdf', bytes.length);
    vt.files.append(handle, 0, bytes);
    const chosen = vt.files.finish(handle);
    const taken = await call('office.take', {
      step: {
        kind: 'submit',
        to: 'lanhdao.snv',
        document: {
          soKyHieu: '5/UBND',
          trichYeu: 'Về việc kiểm tra công tác văn thư',
          coQuanBanHanh: 'UBND huyện',
          soDen: 4,
          ngayDen: null,
          trucDocumentId: null,
        },
        files: [{ sha256: chosen.sha256, name: 'cong-van.pdf', role: 'van-ban' }],
      },
    });
    expect(taken).toMatchObject({ ok: true });
    const electron = shell.electron;
    await waitFor('the leader’s notification', () => electron.notifications.some((n) => n.shown));
    expect(electron.notifications[0]?.options).toMatchObject({ title: 'Có văn bản mới: trình văn bản đến' });
  }, 60_000);
});
