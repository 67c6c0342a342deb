import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { startShell, type RunningShell } from './shell-host.ts';
import { openNew } from './support/frame.ts';
import { saveScreen } from './support/artifacts.ts';
import { expectNoSeriousAxeViolations } from './support/axe.ts';
import { receiveChecked } from './support/receive.ts';
import { makeSignedFixture, type SignedFixture } from './support/signed-pdf.ts';
import { SettingsPage } from './pages/settings-page.ts';

let shell: RunningShell;
let fixture: SignedFixture;

test.beforeAll(async () => {
  fixture = makeSignedFixture();
  shell = await startShell({ SOFTHSM2_CONF: fixture.pki.softhsm.conf });
});
test.afterAll(async () => shell.stop());

/** Open the app and wait until it is interactive (its first screen rendered). */
async function openApp(page: Page): Promise<void> {
  await page.goto(shell.url);
  await expect(page.getByTestId('app-info')).toBeVisible();
}

/** First run: the organization and the trusted CA chain are set in Cài đặt, as an administrator would. */
async function configure(page: Page): Promise<void> {
  await new SettingsPage(page).configure(
    { maDinhDanh: '000.00.00.H49', orgName: 'Sở Nội vụ tỉnh X', trustRoot: fixture.pki.chainPem },
    shell.url,
  );
}

async function openRegistration(page: Page): Promise<void> {
  await page.goto(shell.url);
  await page.getByRole('navigation').getByRole('link', { name: 'Văn bản đến' }).click();
  await expect(page.getByRole('group', { name: 'Lọc văn bản đến' })).toBeVisible();
  await openNew(page);
  await expect(page.getByRole('heading', { name: 'Tiếp nhận & đăng ký văn bản đến' })).toBeVisible();
}

test('before the organization is configured, the list says which setting is missing and links to it', async ({
  page,
}) => {
  await openApp(page);
  await page.keyboard.press('Alt+1');
  const notice = page.getByRole('alert').filter({ hasText: 'Cần khai báo trong Cài đặt: Mã định danh cơ quan.' });
  await expect(notice).toBeVisible();
  await notice.getByRole('link', { name: 'Mở Cài đặt' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Cài đặt' })).toBeVisible();
  await configure(page);
});

test('the registration form explains each Phụ lục VI rule beside its field', async ({ page }) => {
  await openRegistration(page);
  await page.getByRole('button', { name: 'Đăng ký (cấp số đến)' }).click();
  await expect(page.getByText('Biểu mẫu còn lỗi, xem các trường được đánh dấu.')).toBeVisible();
  for (const label of ['Tên loại văn bản', 'Số', 'Ngày ban hành', 'Cơ quan ban hành', 'Trích yếu nội dung']) {
    await expect(page.getByLabel(label, { exact: true })).toHaveAttribute('aria-invalid', 'true');
  }
  await page.getByLabel('Số', { exact: true }).fill('15/QĐ-UBND');
  await page.getByLabel('Ngày ban hành').fill('2999-01-01');
  await page.getByLabel('Số trang').fill('0');
  await page.getByLabel('Nguồn').selectOption('truc');
  await page.keyboard.press('Control+s');
  await expect(page.getByText('Chỉ ghi phần số; phần sau dấu / ghi vào Ký hiệu.')).toBeVisible();
  await expect(page.getByText('Ngày ban hành không thể sau hôm nay.')).toBeVisible();
  await expect(page.getByText('Số trang là số nguyên từ 1 đến 999.')).toBeVisible();
  await expect(page.getByText('Văn bản điện tử cần có tệp PDF.')).toBeVisible();
  // The received file can be read beside the form (pdf.js, page by page).
  await page.getByLabel('Mở tệp PDF để xem (tệp không rời khỏi máy)').setInputFiles(fixture.unsignedPdf);
  await expect(page.getByTestId('pdf-page')).toHaveText(/^Trang 1\/\d+$/);
  await expectNoSeriousAxeViolations(page);
  await saveScreen(page, '20-incoming-register-invalid');
});

test('a received PDF is verified, the verdict shown on top, the signer pre-filled, and the document registered', async ({
  page,
}) => {
  await openRegistration(page);
  await page.getByLabel('Nguồn').selectOption('truc');
  // Chosen like a person does (the file input, streamed to the host), never typed.
  await page.getByLabel('Tệp văn bản (PDF)').setInputFiles(fixture.signedPdf);
  await expect(page.getByTestId('incoming-file')).toContainText('Đã chọn');
  await page.getByRole('button', { name: 'Kiểm tra chữ ký số' }).click();
  const verdict = page.getByTestId('verdict');
  await expect(verdict).toBeVisible();
  await expect(verdict).toContainText('Nguyễn Văn A');
  await expect(verdict).toContainText('ỦY BAN NHÂN DÂN TỈNH X');
  await expect(page.getByTestId('prefilled')).toBeVisible();
  await expect(page.getByLabel('Họ tên người ký')).toHaveValue('Nguyễn Văn A');
  await expect(page.getByLabel('Cơ quan ban hành', { exact: true })).toHaveValue('ỦY BAN NHÂN DÂN TỈNH X');

  // Opening the file beside the form reads page 1: số, ký hiệu, date, type and trích yếu are filled.
  await page.getByLabel('Mở tệp PDF để xem (tệp không rời khỏi máy)').setInputFiles(fixture.signedPdf);
  await expect(page.getByLabel('Số', { exact: true })).toHaveValue('15');
  await expect(page.getByLabel('Ký hiệu')).toHaveValue('QĐ-UBND');
  await expect(page.getByLabel('Tên loại văn bản')).toHaveValue('Quyết định');
  await expect(page.getByLabel('Trích yếu nội dung')).toHaveValue(/^Về việc phê duyệt kế hoạch chuyển đổi số/);
  await expect(page.getByLabel('Ngày ban hành')).toHaveValue(/^\d{4}-\d{2}-\d{2}$/);
  await expect(page.getByTestId('prefilled')).toContainText('Trích yếu nội dung');
  await saveScreen(page, '21-incoming-prefilled');
  // The clerk corrects what she must; what she types wins.
  await page.getByLabel('Tên loại văn bản').fill('Quyết định');
  await page.getByLabel('Số', { exact: true }).fill('15');
  await page.getByLabel('Ký hiệu').fill('QĐ-UBND');
  await page.getByLabel('Ngày ban hành').fill('2026-03-05');
  await page.getByLabel('Trích yếu nội dung').fill('Về việc ban hành Quy chế làm việc');
  await page.getByLabel('Độ khẩn').selectOption({ label: 'Khẩn' });
  await saveScreen(page, '22-incoming-verified');

  // Nothing typed is lost by leaving the screen.
  await page.keyboard.press('Alt+5');
  await page.keyboard.press('Alt+1');
  await expect(page.getByRole('group', { name: 'Lọc văn bản đến' })).toBeVisible();
  await openNew(page);
  await expect(page.getByLabel('Trích yếu nội dung')).toHaveValue('Về việc ban hành Quy chế làm việc');

  await page.getByRole('button', { name: 'Đăng ký (cấp số đến)' }).click();
  await expect(page.getByTestId('registered')).toContainText('số đến');
  await saveScreen(page, '22b-incoming-registered');
  await page.getByRole('link', { name: 'Mở văn bản vừa đăng ký' }).click();
  const detail = page.getByTestId('incoming-detail');
  await expect(detail).toContainText('15/QĐ-UBND');
  await expect(detail).toContainText('Nguyễn Văn A');

  // Tiếp nhận once the background check has a verdict, then Trình lãnh đạo with an opinion and a
  // proposed deadline (status 01 → 03).
  await receiveChecked(page, detail);
  await detail.getByRole('button', { name: 'Trình lãnh đạo…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Trình lãnh đạo' });
  await dialog.getByLabel('Ý kiến đề xuất của văn thư').fill('Đề nghị giao Văn phòng chủ trì');
  // Closing by mistake keeps what was typed.
  await page.keyboard.press('Escape');
  await detail.getByRole('button', { name: 'Trình lãnh đạo…' }).click();
  await expect(dialog.getByLabel('Ý kiến đề xuất của văn thư')).toHaveValue('Đề nghị giao Văn phòng chủ trì');
  await dialog.getByLabel('Đề xuất hạn giải quyết').fill('2026-12-31');
  await dialog.getByRole('button', { name: 'Trình', exact: true }).click();
  await expect(detail).toContainText('Đã trình');
  await expect(detail).toContainText('Đề nghị giao Văn phòng chủ trì');
  await expectNoSeriousAxeViolations(page);
  await saveScreen(page, '23-incoming-detail');
});

test('the list finds the registered document by search and quick filters', async ({ page }) => {
  await openApp(page);
  await page.keyboard.press('Alt+1');
  await expect(page.getByRole('group', { name: 'Lọc văn bản đến' })).toBeVisible();
  const table = page.getByTestId('incoming-table');
  await expect(table).toContainText('Về việc ban hành Quy chế làm việc');
  await expect(table).toContainText('Khẩn');
  await page.keyboard.press('/');
  await expect(page.getByRole('searchbox')).toBeFocused();
  await page.keyboard.type('không có văn bản này');
  await expect(page.getByText('Không có văn bản nào phù hợp.')).toBeVisible();
  await page.getByRole('searchbox').fill('quy chế');
  await expect(table).toContainText('15/QĐ-UBND');
  await page.getByRole('button', { name: 'Đã trình' }).click();
  await expect(page.getByRole('button', { name: 'Đã trình' })).toHaveAttribute('aria-pressed', 'true');
  await expect(table).toContainText('15/QĐ-UBND');
  await page.getByRole('button', { name: 'Chưa tiếp nhận' }).click();
  await expect(page.getByText('Không có văn bản nào phù hợp.')).toBeVisible();
  await page.getByRole('button', { name: 'Tất cả' }).click();
  await page.getByRole('searchbox').fill('');
  await expectNoSeriousAxeViolations(page);
  await saveScreen(page, '24-incoming-list');
});

test('a paper document is registered with a số đến and can be returned only with a reason', async ({ page }) => {
  await openRegistration(page);
  await page.getByLabel('Tên loại văn bản').fill('Công văn');
  await page.getByLabel('Số', { exact: true }).fill('7');
  await page.getByLabel('Ký hiệu').fill('STC-NS');
  await page.getByLabel('Ngày ban hành').fill('2026-03-02');
  await page.getByLabel('Cơ quan ban hành', { exact: true }).fill('Sở Tài chính tỉnh X');
  await page.getByLabel('Trích yếu nội dung').fill('V/v gửi nhầm nơi nhận');
  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('registered')).toContainText('số đến');
  await page.getByRole('link', { name: 'Mở văn bản vừa đăng ký' }).click();
  const detail = page.getByTestId('incoming-detail');
  await detail.getByRole('button', { name: 'Trả lại…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Trả lại văn bản cho nơi gửi' });
  await dialog.getByRole('button', { name: 'Trả lại', exact: true }).click();
  await expect(dialog.getByText('Trường này bắt buộc.')).toBeVisible();
  await dialog.getByLabel('Lý do trả lại').fill('Văn bản gửi nhầm, không thuộc thẩm quyền của cơ quan.');
  await dialog.getByRole('button', { name: 'Trả lại', exact: true }).click();
  await expect(detail).toContainText('Trả lại');
  await expect(detail).toContainText('Văn bản gửi nhầm');
  await expect(detail).toContainText('Không còn thao tác nào ở trạng thái này.');
});

test('Sổ đăng ký lists the incoming register and prints it to PDF with the registered row', async ({ page }) => {
  await openApp(page);
  await page.keyboard.press('Alt+4');
  const table = page.getByTestId('registers-table');
  await expect(table).toContainText('Sổ đăng ký văn bản đến');
  const out = join(mkdtempSync(join(tmpdir(), 'vanthu-e2e-print-')), 'so-den.pdf');
  // No path is asked for: main prints into its store and the page downloads the file.
  const form = page.getByRole('form', { name: 'In sổ ra PDF' });
  await expect(form.getByRole('textbox')).toHaveCount(2);
  await expect(form.getByRole('textbox', { name: 'Từ ngày' })).toHaveCount(1);
  await expect(form.getByRole('textbox', { name: 'Đến ngày' })).toHaveCount(1);
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'In sổ ra PDF' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^so-den-\d{4}\.pdf$/);
  await download.saveAs(out);
  // The returned paper document is not in the sổ (its provisional number is never given again).
  await expect(page.getByTestId('printed')).toContainText('Đã in 1 dòng');
  const text = execFileSync('pdftotext', ['-layout', out, '-']).toString('utf8');
  expect(text).toContain('15/QĐ-UBND');
  expect(text).not.toContain('V/v gửi nhầm nơi nhận');
  await expectNoSeriousAxeViolations(page);
  await saveScreen(page, '25-registers');
});
