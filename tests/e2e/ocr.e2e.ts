import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { scanOf } from '../support/ocr/scan.ts';
import { startShell, type RunningShell } from './shell-host.ts';
import { nav, openNew } from './support/frame.ts';
import { SettingsPage } from './pages/settings-page.ts';

let shell: RunningShell;
let scanPath: string;

test.beforeAll(async () => {
  // A paper Quyết định as a scanner would give it: 200 dpi page images in a PDF with no text layer.
  const scan = await scanOf(new Uint8Array(readFileSync('tests/fixtures/pdf/lo-qd-kt-1.pdf')), 200);
  scanPath = join(mkdtempSync(join(tmpdir(), 'vanthu-e2e-ocr-')), 'Bản quét QĐ 15.pdf');
  writeFileSync(scanPath, scan.pdf);
  shell = await startShell({});
});
test.afterAll(async () => shell.stop());

test('a scanned paper document is read on the workstation and its fields fill the registration form (#21)', async ({
  page,
}) => {
  // OCR of a page takes seconds, more on a loaded machine.
  test.setTimeout(240_000);
  await page.goto(shell.url);
  // The store (where the text is kept) opens once the organization is named.
  await new SettingsPage(page).configure({ maDinhDanh: '000.00.00.H49', orgName: 'Sở Nội vụ tỉnh X' });
  await nav(page, 'Văn bản đến').click();
  await expect(page.getByRole('group', { name: 'Lọc văn bản đến' })).toBeVisible();
  await openNew(page);
  await expect(page.getByRole('heading', { name: 'Tiếp nhận & đăng ký văn bản đến' })).toBeVisible();
  const read = page.getByRole('button', { name: 'Đọc bản quét (OCR)' });
  await expect(read).toBeDisabled();
  await page.getByLabel('Tệp văn bản (PDF)').setInputFiles(scanPath);
  await expect(page.getByTestId('incoming-file')).toContainText('Đã chọn');
  await read.click();
  // While it reads, the pages are counted and the run can be stopped; the form stays usable.
  await expect(page.getByRole('button', { name: 'Dừng đọc' })).toBeVisible();
  await page.getByLabel('Trích yếu nội dung').fill('Kế hoạch chuyển đổi số');
  await expect(page.getByTestId('ocr-done')).toContainText('Đã đọc 1 trang', { timeout: 200_000 });
  await expect(page.getByLabel('Số', { exact: true })).toHaveValue('15');
  await expect(page.getByLabel('Ký hiệu')).toHaveValue('QĐ-UBND');
  // What the clerk typed meanwhile is kept: OCR fills only empty fields.
  await expect(page.getByLabel('Trích yếu nội dung')).toHaveValue('Kế hoạch chuyển đổi số');
});
