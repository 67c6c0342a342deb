import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { startShell, type RunningShell } from './shell-host.ts';
import { saveScreen } from './support/artifacts.ts';
import { expectNoSeriousAxeViolations } from './support/axe.ts';
import { startReferenceServer, type RunningServer } from './support/reference-server.ts';

/*
 * The office across workstations (#16), the leader's side: lãnh đạo signs in on their own
 * workstation (this browser shell); the văn thư's workstation (here the API, as it would send it)
 * presents a document to them; it appears in Hàng đợi của tôi with nothing pressed.
 */
const SNV = '000.00.01.H99';

let server: RunningServer;
let shell: RunningShell;

test.describe.configure({ mode: 'serial', timeout: 90_000 });

test.beforeAll(async () => {
  server = await startReferenceServer(mkdtempSync(join(tmpdir(), 'vanthu-e2e-none-')));
  shell = await startShell();
});
test.afterAll(async () => {
  await shell?.stop();
  await server?.stop();
});

const nav = (page: Page, name: string) => page.getByRole('navigation').getByRole('link', { name });

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

test('the leader signs in on their workstation and a document presented to them appears in their queue', async ({
  page,
}) => {
  await page.goto(shell.url);
  await nav(page, 'Cài đặt').click();
  await page.getByLabel('Mã định danh cơ quan').fill(SNV);
  await page.getByLabel('Tên cơ quan', { exact: true }).fill('Sở Nội vụ tỉnh Demo');
  await page.getByLabel('Địa chỉ máy chủ').fill(server.url);
  await page.getByRole('button', { name: 'Lưu', exact: true }).click();
  await expect(page.getByTestId('settings-saved')).toBeVisible();

  await nav(page, 'Hàng đợi của tôi').click();
  const signIn = page.getByTestId('person-sign-in');
  await signIn.getByLabel('Tài khoản').fill('lanhdao.snv');
  await signIn.getByLabel('Mật khẩu').fill('sai');
  await signIn.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(signIn.getByRole('alert')).toBeVisible();
  await signIn.getByLabel('Mật khẩu').fill('demo');
  await signIn.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page.getByTestId('office-person')).toHaveText('Hoàng Văn Nam — Lãnh đạo');
  await expect(page.getByText('Chưa có văn bản nào chuyển đến đồng chí.')).toBeVisible();

  await presentFromVanThu('Về việc kiểm tra công tác văn thư năm nay');
  const queue = page.getByTestId('office-queue');
  await expect(queue).toContainText('Về việc kiểm tra công tác văn thư năm nay', { timeout: 10_000 });
  await expect(queue).toContainText('Trình văn bản đến');
  await expect(queue).toContainText('Nguyễn Thị Lan');
  await expect(queue).toContainText('Sẵn sàng');
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

/** Poll a person's server inbox (as their workstation would) until a step of `kind` is there; its body. */
async function waitForInboxStep(username: string, kind: string): Promise<unknown> {
  const login = await fetch(new URL('/v1/auth/login', server.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'demo' }),
  });
  const { accessToken } = (await login.json()) as { accessToken: string };
  let found: unknown;
  await expect
    .poll(
      async () => {
        const response = await fetch(new URL('/v1/office/inbox?cursor=0', server.url), {
          headers: { authorization: `Bearer ${accessToken}` },
        });
        const { items } = (await response.json()) as { items: { step: { kind: string; body: unknown } }[] };
        found = items.find((item) => item.step.kind === kind)?.step.body;
        return found !== undefined;
      },
      { timeout: 20_000 },
    )
    .toBe(true);
  return found;
}
