import { expect, test, type Page } from '@playwright/test';
import { startShell, type RunningShell } from './shell-host.ts';
import { saveScreen } from './support/artifacts.ts';
import { expectNoSeriousAxeViolations } from './support/axe.ts';
import { nav } from './support/frame.ts';
import { SettingsPage } from './pages/settings-page.ts';
import { vi } from '../../renderer/i18n/vi.ts';

let shell: RunningShell;

test.beforeAll(async () => {
  shell = await startShell();
});
test.afterAll(async () => shell.stop());

async function openSettings(page: Page): Promise<SettingsPage> {
  const settings = await new SettingsPage(page).open(shell.url);
  await expect(settings.serverUrl).toBeVisible();
  return settings;
}

test('what answers late (the token scan) comes after every button, so none moves under the pointer', async ({
  page,
}) => {
  await openSettings(page);
  const found = page.getByTestId('token-modules');
  await expect(found.getByRole('button', { name: 'Dò lại thiết bị' })).toBeVisible();
  // Every button of the screen outside the scan's region comes before it in the page.
  const after = await page.getByRole('main').evaluate(
    (main, region) => {
      const buttons = [...main.querySelectorAll('button')].filter((b) => region !== null && !region.contains(b));
      // Node.DOCUMENT_POSITION_FOLLOWING (4): the region follows the button.
      return buttons
        .filter((b) => region === null || (b.compareDocumentPosition(region) & 4) === 0)
        .map((b) => b.textContent);
    },
    await found.elementHandle(),
  );
  expect(after).toEqual([]);
  await expect(page.getByRole('button', { name: 'Lưu', exact: true })).toBeVisible();
});

test('invalid input is explained beside each field and nothing is saved', async ({ page }) => {
  const settings = await openSettings(page);
  await settings.serverUrl.fill('http://qlvb.tinh.gov.vn');
  await page.getByLabel('Đường kính con dấu (mm)').fill('200');
  await settings.maDinhDanh.fill('000.00.00.G22 x');
  await settings.saveButton.click();
  await expect(settings.serverUrl).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('Địa chỉ máy chủ phải dùng HTTPS.')).toBeVisible();
  await expect(page.getByText('Nhập số từ 10 đến 80 mm.')).toBeVisible();
  await expect(page.getByText(/Mã định danh theo QCVN 102:2016/)).toBeVisible();
  await saveScreen(page, '10-settings-invalid');
  // The real settings store still holds the defaults.
  await page.getByRole('button', { name: 'Bỏ thay đổi chưa lưu' }).click();
  await page.reload();
  await expect(settings.serverUrl).toHaveValue('');
  await expect(page.getByLabel('Đường kính con dấu (mm)')).toHaveValue('36');
});

test('a half-finished edit survives leaving the screen, and saving persists it in the real store', async ({ page }) => {
  const settings = await openSettings(page);
  await settings.serverUrl.fill('https://qlvb.tinh.gov.vn');
  await settings.username.fill('dungnv.stttt');
  await settings.orgName.fill('Sở Thông tin và Truyền thông');
  await nav(page, vi.nav.incoming).click();
  await nav(page, vi.nav.settings).click();
  await expect(page.getByTestId('draft-resumed')).toBeVisible();
  await expect(settings.username).toHaveValue('dungnv.stttt');
  await settings.maDinhDanh.fill('000.00.00.G22');
  await page.getByLabel('Hình con dấu kèm tên cơ quan và thời gian ký').check();
  await settings.modulePaths.fill('/usr/lib/softhsm/libsofthsm2.so');
  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('settings-saved')).toBeVisible();
  await page.reload();
  await expect(settings.serverUrl).toHaveValue('https://qlvb.tinh.gov.vn');
  await expect(settings.orgName).toHaveValue('Sở Thông tin và Truyền thông');
  await expect(settings.modulePaths).toHaveValue('/usr/lib/softhsm/libsofthsm2.so');
  await expect(page.getByLabel('Hình con dấu kèm tên cơ quan và thời gian ký')).toBeChecked();
  await expect(page.getByTestId('draft-resumed')).toBeHidden();
  await expectNoSeriousAxeViolations(page);
  await saveScreen(page, '11-settings');
});

test('image and trust-root files are chosen, never typed; a file of the wrong kind is refused with the reason', async ({
  page,
}) => {
  await openSettings(page);
  // The only text field that takes a path is the PKCS#11 module, an expert option beside the catalog.
  for (const label of ['Ảnh chữ ký (PNG)', 'Ảnh con dấu (PNG)', 'Tệp hoặc thư mục chứng thư gốc']) {
    await expect(page.getByRole('textbox', { name: label })).toHaveCount(0);
  }
  await expect(page.getByRole('textbox', { name: 'Thư viện PKCS#11 thêm bằng đường dẫn' })).toHaveCount(1);
  // A JPEG chosen as the seal image: main reads its bytes and says why it cannot be used.
  await page.getByLabel('Chọn tệp PNG dấu đỏ của cơ quan').setInputFiles({
    name: 'con-dau.jpg',
    mimeType: 'image/jpeg',
    buffer: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46]),
  });
  await expect(page.getByRole('alert').filter({ hasText: 'con-dau.jpg' })).toBeVisible();
  await expect(page.getByTestId('current-sealPng')).toContainText('chưa chọn tệp');
});
