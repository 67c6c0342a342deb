import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { startShell, type RunningShell } from './shell-host.ts';
import { saveScreen } from './support/artifacts.ts';
import { expectNoSeriousAxeViolations } from './support/axe.ts';
import { startReferenceServer, type RunningServer } from './support/reference-server.ts';
import { SettingsPage } from './pages/settings-page.ts';
import { OfficeQueuePage } from './pages/office-queue-page.ts';

/*
 * The office across workstations (#16), the leader's side: lãnh đạo signs in on their own
 * workstation (this browser shell); the văn thư's workstation (here the API, as it would send it)
 * presents a document to them; it appears in Hàng đợi của tôi with nothing pressed.
 */
const SNV = '000.00.01.H99';

let server: RunningServer;
let shell: RunningShell;
/** The chuyên viên's workstation: a second browser-shell host on its own profile. */
let specialistShell: RunningShell;

test.describe.configure({ mode: 'serial', timeout: 90_000 });

test.beforeAll(async () => {
  server = await startReferenceServer(mkdtempSync(join(tmpdir(), 'vanthu-e2e-none-')));
  shell = await startShell();
  specialistShell = await startShell();
});
test.afterAll(async () => {
  await specialistShell?.stop();
  await shell?.stop();
  await server?.stop();
});

/** The văn thư's workstation presents a paper document to the leader (the step its outbox would send). */
async function presentFromVanThu(trichYeu: string): Promise<void> {
  const login = await fetch(new URL('/v1/auth/login', server.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'vanthu.snv', password: 'demo' }),
  });
  const { accessToken } = (await login.json()) as { accessToken: string };
  const response = await fetch(new URL('/v1/office/cases/e2e-case-1/steps', server.url), {
    method: 'POST',
    headers: {
      authorization: `Bearer ${accessToken}`,
      'content-type': 'application/json',
      'idempotency-key': 'e2e-office-step-1',
    },
    body: JSON.stringify({
      kind: 'submit',
      to: 'lanhdao.snv',
      document: {
        soKyHieu: '8/UBND-VP',
        trichYeu,
        coQuanBanHanh: 'UBND tỉnh',
        soDen: 5,
        ngayDen: null,
        trucDocumentId: null,
      },
      files: [],
    }),
  });
  expect(response.status).toBe(201);
}

/** Point a workstation at the organization and the server, then sign its person in on Hàng đợi của tôi. */
async function setUpWorkstation(page: Page, url: string, username: string): Promise<void> {
  await new SettingsPage(page).configure(
    { maDinhDanh: SNV, orgName: 'Sở Nội vụ tỉnh Demo', serverUrl: server.url },
    url,
  );
  await new OfficeQueuePage(page).signIn(username, 'demo');
}

test('the leader signs in on their workstation and a document presented to them appears in their queue', async ({
  page,
}) => {
  await new SettingsPage(page).configure(
    { maDinhDanh: SNV, orgName: 'Sở Nội vụ tỉnh Demo', serverUrl: server.url },
    shell.url,
  );

  const office = await new OfficeQueuePage(page).open();
  await office.submitSignIn('lanhdao.snv', 'sai');
  await expect(office.signInForm.getByRole('alert')).toBeVisible();
  await office.submitSignIn('lanhdao.snv', 'demo');
  await expect(page.getByTestId('office-person')).toHaveText('Hoàng Văn Nam — Lãnh đạo');
  await expect(page.getByText('Chưa có văn bản nào chuyển đến đồng chí.')).toBeVisible();

  await presentFromVanThu('Về việc kiểm tra công tác văn thư năm nay');
  const queue = page.getByTestId('office-queue');
  await expect(queue).toContainText('Về việc kiểm tra công tác văn thư năm nay', { timeout: 10_000 });
  await expect(queue).toContainText('Trình văn bản đến');
  await expect(queue).toContainText('Nguyễn Thị Lan');
  // Its files are fetched after the entry arrives: on a loaded machine that may take a while.
  await expect(queue).toContainText('Sẵn sàng', { timeout: 15_000 });
  await saveScreen(page, 'office-queue');
  await expectNoSeriousAxeViolations(page);

  // Acting from the queue: phân công with people chosen from the list and the deadline from the date picker.
  await queue.getByRole('button', { name: 'Chỉ đạo, phân công' }).click();
  const form = page.getByTestId('office-step-form');
  await form.getByRole('button', { name: 'Gửi' }).click();
  await expect(form.getByText('Trường này là bắt buộc.')).toBeVisible();
  await form.getByLabel('Người chủ trì').selectOption({ label: 'Bùi Thị Ngọc — Chuyên viên' });
  await form.getByRole('checkbox', { name: 'Đặng Văn Long' }).check();
  // fixed-date: a deadline typed into the date picker, passed through as it is
  await form.getByLabel('Hạn xử lý').fill('2026-01-20');
  await form.getByLabel('Ý kiến chỉ đạo').fill('Giao Văn phòng chuẩn bị báo cáo.');
  await expectNoSeriousAxeViolations(page);
  await form.getByRole('button', { name: 'Gửi' }).click();
  await expect(page.getByTestId('office-step-taken')).toContainText('Chỉ đạo, phân công');
  await expect(queue.getByRole('button', { name: 'Chỉ đạo, phân công' })).toHaveCount(0);

  // The step travels by itself (no "Đồng bộ ngay"): it reaches the chủ trì's inbox on the server.
  const assign = await waitForInboxStep('chuyenvien.snv', 'assign');
  expect(assign).toMatchObject({
    chuTri: 'chuyenvien.snv',
    phoiHop: ['chuyenvien2.snv'],
    hanXuLy: '2026-01-20', // fixed-date: as typed above
    yKien: 'Giao Văn phòng chuẩn bị báo cáo.',
  });
});

test('the chủ trì, at their own workstation, reports hoàn thành from their queue through a faulty server', async ({
  browser,
}) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await setUpWorkstation(page, specialistShell.url, 'chuyenvien.snv');
  await expect(page.getByTestId('office-person')).toHaveText('Bùi Thị Ngọc — Chuyên viên');
  const queue = page.getByTestId('office-queue');
  await expect(queue).toContainText('Về việc kiểm tra công tác văn thư năm nay', { timeout: 10_000 });
  await expect(queue).toContainText('Hoàng Văn Nam');

  // From here a fifth of the requests fail (half with the answer lost) and uploads are cut: the step still arrives once.
  await server.faults({ errorRate: 0.2, resetRate: 0.2 });
  await queue.getByRole('button', { name: 'Báo cáo hoàn thành' }).click();
  const form = page.getByTestId('office-step-form');
  await form.getByLabel('Nội dung báo cáo').fill('Đã hoàn thành báo cáo kiểm tra.');
  await form.getByRole('button', { name: 'Gửi' }).click();
  await expect(page.getByTestId('office-step-taken')).toContainText('Báo cáo hoàn thành');
  await expect(queue.getByRole('button', { name: 'Báo cáo hoàn thành' })).toHaveCount(0);

  // hoàn thành is routed to the leader and to the văn thư who presented the document.
  const complete = await waitForInboxStep('vanthu.snv', 'complete');
  await server.faults({ errorRate: 0, resetRate: 0 });
  expect(complete).toEqual({ kind: 'complete', note: 'Đã hoàn thành báo cáo kiểm tra.' });
  await context.close();
});

async function logIn(username: string): Promise<string> {
  const login = await fetch(new URL('/v1/auth/login', server.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'demo' }),
  });
  if (!login.ok) {
    throw new Error(`login: HTTP ${login.status}`);
  }
  return ((await login.json()) as { accessToken: string }).accessToken;
}

/** Poll a person's server inbox (as their workstation would) until a step of `kind` is there; its body. */
async function waitForInboxStep(username: string, kind: string): Promise<unknown> {
  let accessToken: string | undefined;
  let found: unknown;
  await expect
    .poll(
      async () => {
        try {
          accessToken ??= await logIn(username);
          const response = await fetch(new URL('/v1/office/inbox?cursor=0', server.url), {
            headers: { authorization: `Bearer ${accessToken}` },
          });
          const { items } = (await response.json()) as { items: { step: { kind: string; body: unknown } }[] };
          found = items.find((item) => item.step.kind === kind)?.step.body;
        } catch {
          // A fault the server injected (lost answer, reset): ask again, as a workstation would.
        }
        return found !== undefined;
      },
      { timeout: 20_000 },
    )
    .toBe(true);
  return found;
}
