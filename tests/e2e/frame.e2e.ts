import { expect, test } from '@playwright/test';
import { startShell, type RunningShell } from './shell-host.ts';
import { saveScreen } from './support/artifacts.ts';
import { expectNoSeriousAxeViolations } from './support/axe.ts';

let shell: RunningShell;

test.beforeAll(async () => {
  shell = await startShell();
});
test.afterAll(async () => shell.stop());

const sections = [
  { name: 'Văn bản đến', hash: '#/van-ban-den', key: '1' },
  { name: 'Văn bản đi', hash: '#/van-ban-di', key: '2' },
  { name: 'Ký duyệt', hash: '#/ky-duyet', key: '3' },
  { name: 'Sổ đăng ký', hash: '#/so-dang-ky', key: '4' },
  { name: 'Đồng bộ', hash: '#/dong-bo', key: '5' },
  { name: 'Cài đặt', hash: '#/cai-dat', key: '6' },
  { name: 'Hàng đợi của tôi', hash: '#/hang-doi', key: '7' },
];

test('the sidebar reaches every section by click and by Alt+digit, with the connection always shown', async ({
  page,
}) => {
  await page.goto(shell.url);
  const nav = page.getByRole('navigation', { name: 'Điều hướng chính' });
  for (const s of sections) {
    await nav.getByRole('link', { name: new RegExp(s.name) }).click();
    await expect(page).toHaveURL(new RegExp(`${s.hash}$`));
    await expect(page.getByRole('heading', { level: 1, name: s.name })).toBeVisible();
    await expect(nav.getByRole('link', { name: new RegExp(s.name) })).toHaveAttribute('aria-current', 'page');
    await expect(page.getByTestId('connection')).toBeVisible();
  }
  await page.keyboard.press('Alt+0');
  await expect(page.getByRole('heading', { level: 1, name: 'Tổng quan' })).toBeVisible();
  for (const s of sections) {
    await page.keyboard.press(`Alt+${s.key}`);
    await expect(page).toHaveURL(new RegExp(`${s.hash}$`));
  }
});

test('an address typed by hand opens its section; an unknown one falls back to the overview', async ({ page }) => {
  await page.goto(shell.url);
  await expect(page.getByTestId('app-info')).toBeVisible();
  await page.evaluate(() => (window.location.hash = '#/so-dang-ky'));
  await expect(page.getByRole('heading', { level: 1, name: 'Sổ đăng ký' })).toBeVisible();
  await page.evaluate(() => (window.location.hash = '#/khong-co'));
  await expect(page.getByRole('heading', { level: 1, name: 'Tổng quan' })).toBeVisible();
});

test('? opens the shortcut help, which lists the bindings, and Esc closes it', async ({ page }) => {
  await page.goto(shell.url);
  await expect(page.getByTestId('app-info')).toBeVisible();
  await page.keyboard.press('?');
  const dialog = page.getByRole('dialog', { name: 'Phím tắt' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('Ctrl + S');
  await expect(dialog).toContainText('Alt + 0…7');
  await saveScreen(page, '02-shortcut-help');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});

test('the connection is always shown and honest; Đồng bộ explains why nothing is sent yet', async ({ page }) => {
  await page.goto(shell.url);
  await expect(page.getByTestId('app-info')).toBeVisible();
  const indicator = page.getByTestId('connection');
  // A fresh profile has no server: the app does not pretend to be online.
  await expect(indicator).not.toHaveAttribute('data-state', 'online');
  await page.keyboard.press('Alt+6');
  await page.getByLabel('Mã định danh cơ quan').fill('000.00.00.H49');
  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('settings-saved')).toBeVisible();
  // The overview reminds of the daily backup the provincial rules ask for.
  await page.keyboard.press('Alt+0');
  await expect(page.getByTestId('backup-reminder')).toContainText('Chưa sao lưu dữ liệu lần nào.');
  await indicator.click();
  await expect(page.getByRole('heading', { level: 1, name: 'Đồng bộ' })).toBeVisible();
  await expect(page.getByTestId('sync-status')).toContainText('Chưa cấu hình địa chỉ máy chủ.');
  await page.getByRole('button', { name: 'Đồng bộ ngay (Alt+R)' }).click();
  await expect(page.getByTestId('error-center').locator('[data-code="SYNC_OFFLINE"]')).toContainText(
    'Dữ liệu được lưu trên máy và sẽ tự gửi khi có kết nối.',
  );
  await expect(indicator).not.toHaveAttribute('data-state', 'online');
  await expectNoSeriousAxeViolations(page);
  await saveScreen(page, '50-sync');
});

test('the overview has no serious or critical accessibility violations', async ({ page }) => {
  await page.goto(shell.url);
  await expect(page.getByTestId('app-info')).toBeVisible();
  await expectNoSeriousAxeViolations(page);
  await saveScreen(page, '01-overview');
});
