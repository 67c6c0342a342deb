import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { startShell, type RunningShell } from './shell-host.ts';
import { nav } from './support/frame.ts';
import { saveScreen } from './support/artifacts.ts';
import { expectNoSeriousAxeViolations } from './support/axe.ts';
import { startReferenceServer, type RunningServer } from './support/reference-server.ts';
import { SettingsPage, serverLogin } from './pages/settings-page.ts';

/*
 * Two workstations of Sở Nội vụ (issues #8, #17): this app pulls the inbox, checks it and waits for
 * its clerk's tiếp nhận (no số đến before it), while another workstation of the organization
 * (vanthu2.snv, through the API) registers the same documents. The next sync gives each the
 * organization's number; none of this workstation's numbers was taken, so none is shown as unused.
 */
const SNV = '000.00.01.H99';

let server: RunningServer;
let shell: RunningShell;

test.describe.configure({ mode: 'serial', timeout: 90_000 });

test.beforeAll(async () => {
  // No fixtures: the server seeds its three demo documents with placeholder PDFs.
  server = await startReferenceServer(mkdtempSync(join(tmpdir(), 'vanthu-e2e-none-')));
  shell = await startShell();
});
test.afterAll(async () => {
  await shell?.stop();
  await server?.stop();
});

const syncButton = (page: Page) => page.getByRole('button', { name: 'Đồng bộ ngay (Alt+R)' });

async function syncNow(page: Page): Promise<void> {
  await nav(page, 'Đồng bộ').click();
  await syncButton(page).click();
  await expect(syncButton(page)).toBeEnabled();
}

/** The other workstation registers every document of the organization's inbox, as its clerk would. */
async function registerAtOtherWorkstation(): Promise<number> {
  const login = await fetch(new URL('/v1/auth/login', server.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'vanthu2.snv', password: 'demo' }),
  });
  const { accessToken } = (await login.json()) as { accessToken: string };
  const auth = { authorization: `Bearer ${accessToken}` };
  const inbox = (await (await fetch(new URL('/v1/inbox', server.url), { headers: auth })).json()) as {
    items: { kind: string; document: { id: string } }[];
  };
  // real time: the app in the browser-shell host dates the registration with its own clock.
  const today = new Date().toISOString().slice(0, 10);
  const ids = inbox.items.filter((item) => item.kind === 'document').map((item) => item.document.id);
  for (const [index, id] of ids.entries()) {
    const response = await fetch(new URL(`/v1/documents/${encodeURIComponent(id)}/registration`, server.url), {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json', 'idempotency-key': `other-ws-${index}-${id}` },
      body: JSON.stringify({ year: Number(today.slice(0, 4)), soDen: null, ngayDen: today }),
    });
    expect(response.status).toBe(201);
  }
  return ids.length;
}

test('registered at another workstation before it is received here: it takes that số đến, none of ours', async ({
  page,
}) => {
  await test.step('first run: organization, server, login', async () => {
    // This clerk syncs by hand (the setting exists for that), so the other workstation can register first.
    await new SettingsPage(page).configure(
      {
        maDinhDanh: SNV,
        orgName: 'Sở Nội vụ tỉnh Demo',
        serverUrl: server.url,
        username: 'vanthu.snv',
        autoSync: false,
      },
      shell.url,
    );
    await serverLogin(page, 'vanthu.snv', 'demo');
    await expect(page.getByTestId('login-done')).toContainText(SNV);
  });

  await test.step('the inbox arrives, is checked and waits for tiếp nhận: no số đến here, nothing to send', async () => {
    await syncNow(page);
    await expect(page.getByTestId('sync-pending')).toHaveText('0');
    await expect(page.getByText('Chưa có văn bản nào phải điều chỉnh số đến.')).toBeVisible();
    await nav(page, 'Văn bản đến').click();
    const table = page.getByTestId('incoming-table');
    await expect(table.getByRole('row')).toHaveCount(4);
    await expect(table.getByTestId('incoming-verdict').first()).not.toHaveText('Đang kiểm tra…', { timeout: 30_000 });
    for (const so of ['01', '02', '03']) {
      await expect(table.getByRole('cell', { name: so, exact: true })).toHaveCount(0);
    }
  });

  await test.step('the other workstation receives and registers them first; the next sync gives each that number', async () => {
    expect(await registerAtOtherWorkstation()).toBe(3);
    await expect
      .poll(
        async () => {
          await syncNow(page);
          await nav(page, 'Văn bản đến').click();
          return page.getByTestId('incoming-table').getByRole('cell', { name: '03', exact: true }).count();
        },
        { timeout: 30_000, intervals: [200, 500, 1000] },
      )
      .toBe(1);
    // Nothing of ours was taken, so nothing was renumbered and nothing is left to send.
    await nav(page, 'Đồng bộ').click();
    await expect(page.getByTestId('sync-pending')).toHaveText('0');
    await expect(page.getByText('Chưa có văn bản nào phải điều chỉnh số đến.')).toBeVisible();
    await saveScreen(page, 'registered-elsewhere/01-sync-registered');
    await expectNoSeriousAxeViolations(page);
  });

  await test.step('the register of arrivals shows the organization’s numbers, none provisional', async () => {
    await nav(page, 'Văn bản đến').click();
    const table = page.getByTestId('incoming-table');
    await expect(table.getByRole('row')).toHaveCount(4);
    await expect(table).not.toContainText('T-');
    for (const so of ['01', '02', '03']) {
      await expect(table.getByRole('cell', { name: so, exact: true })).toHaveCount(1);
    }
  });
});
