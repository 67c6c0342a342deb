import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { startShell, type RunningShell } from './shell-host.ts';
import { saveScreen } from './support/artifacts.ts';
import { expectNoSeriousAxeViolations } from './support/axe.ts';
import { makeSignedFixture, type SignedFixture } from './support/signed-pdf.ts';

let shell: RunningShell;
let fixture: SignedFixture;
let draftPdf: string;

test.beforeAll(async () => {
  fixture = makeSignedFixture();
  draftPdf = join(mkdtempSync(join(tmpdir(), 'vanthu-e2e-draft-')), 'du-thao-qd.pdf');
  copyFileSync(fixture.unsignedPdf, draftPdf);
  shell = await startShell({ SOFTHSM2_CONF: fixture.pki.softhsm.conf });
});
test.afterAll(async () => shell.stop());

const nav = (page: Page, name: string) => page.getByRole('navigation').getByRole('link', { name });

test('first run: the organization, the token module and the trusted chain are configured', async ({ page }) => {
  await page.goto(shell.url);
  await nav(page, 'Cài đặt').click();
  await page.getByLabel('Mã định danh cơ quan').fill('000.00.00.H49');
  await page.getByLabel('Tên cơ quan', { exact: true }).fill('Ủy ban nhân dân tỉnh X');
  await page.getByLabel('Thư viện PKCS#11 thêm bằng đường dẫn').fill(fixture.pki.softhsm.module);
  await page.getByLabel('Tệp hoặc thư mục chứng thư gốc').fill(fixture.pki.chainPem);
  await page.getByRole('button', { name: 'Lưu', exact: true }).click();
  await expect(page.getByTestId('settings-saved')).toBeVisible();
  // The token layer answers on the spot: the SoftHSM2 module loads and both tokens are listed.
  await page.getByRole('button', { name: 'Dò lại thiết bị' }).click();
  const found = page.getByTestId('token-modules');
  await expect(found).toContainText('VanthuLanhDao');
  await expect(found).toContainText('VanthuCoQuan');
  await expect(found).toContainText('Nguyễn Văn A');
  await saveScreen(page, '12-settings-tokens');
});

test('a draft is written with its recipients and submitted for signature', async ({ page }) => {
  await page.goto(shell.url);
  await nav(page, 'Văn bản đi').click();
  await expect(page.getByRole('group', { name: 'Lọc văn bản đi theo giai đoạn' })).toBeVisible();
  await page.keyboard.press('Alt+n');
  await page.getByRole('button', { name: 'Lưu dự thảo' }).click();
  await expect(page.getByLabel('Trích yếu nội dung')).toHaveAttribute('aria-invalid', 'true');
  await page.getByLabel('Tên loại văn bản').fill('Quyết định');
  await page.getByLabel('Ký hiệu').fill('15/QĐ-UBND');
  await page.getByLabel('Cơ quan ban hành').fill('Ủy ban nhân dân tỉnh X');
  await page.getByLabel('Trích yếu nội dung').fill('Về việc ban hành Quy chế văn thư');
  await page.getByLabel('Họ tên người ký').fill('Nguyễn Văn A');
  await page.getByLabel(/^Nơi nhận/).fill('000.00.01.H49 | Sở Tài chính tỉnh X\n000.00.02.H49 sai dòng');
  await page.keyboard.press('Control+s');
  await expect(page.getByText('Chỉ ghi ký hiệu (QĐ-UBND); số được cấp sau khi ký.')).toBeVisible();
  await expect(page.getByText('Mỗi dòng gồm mã định danh, dấu | và tên cơ quan.')).toBeVisible();
  await page.getByLabel('Ký hiệu').fill('QĐ-UBND');
  await page.getByLabel(/^Nơi nhận/).fill('000.00.01.H49 | Sở Tài chính tỉnh X\n000.00.02.H49 | Sở Nội vụ tỉnh X');
  await expectNoSeriousAxeViolations(page);
  await saveScreen(page, '30-outgoing-draft');
  await page.keyboard.press('Control+s');
  const detail = page.getByTestId('outgoing-detail');
  await expect(detail).toContainText('Dự thảo');
  await expect(page.getByTestId('recipients')).toContainText('Sở Nội vụ tỉnh X');
  await detail.getByRole('button', { name: 'Trình ký' }).click();
  await expect(detail).toContainText('Trình ký');
  await expect(detail.getByRole('link', { name: 'Mở Ký duyệt' })).toBeVisible();
  await saveScreen(page, '31-outgoing-detail');
});

test('the leader sees the queue, the proposed box on the page, the pre-flight facts; the PIN is not kept', async ({
  page,
}) => {
  await page.goto(shell.url);
  await nav(page, 'Ký duyệt').click();
  const queue = page.getByTestId('signing-queue');
  await expect(queue).toContainText('Về việc ban hành Quy chế văn thư');
  await queue.getByRole('textbox').fill(draftPdf);
  await queue.getByRole('button', { name: 'Xem và đặt chữ ký' }).click();
  const box = page.getByTestId('sign-box');
  await expect(box).toBeVisible();
  const before = await box.boundingBox();
  await box.focus();
  await page.keyboard.press('Shift+ArrowLeft');
  await expect.poll(async () => (await box.boundingBox())?.x).toBeLessThan(before?.x ?? 0);
  await queue.getByRole('checkbox').check();
  await page.getByLabel('Chứng thư số dùng để ký').selectOption({ index: 1 });
  await expect(page.getByLabel('Chứng thư số dùng để ký').locator('option:checked')).toContainText('Nguyễn Văn A');
  await page.keyboard.press('Control+Enter');
  const dialog = page.getByTestId('pin-dialog');
  await expect(dialog).toBeVisible();
  const facts = page.getByTestId('preflight-facts');
  await expect(facts).toContainText('Nguyễn Văn A');
  await expect(facts).toContainText('Vanthu Test Sub CA');
  await expect(facts).toContainText('Chưa nhập sai lần nào');
  await expectNoSeriousAxeViolations(page);
  await saveScreen(page, '40-signing-pin');
  const pin = fixture.pki.softhsm.tokens.find((t) => t.label === 'VanthuLanhDao')?.pin ?? '';
  await dialog.getByLabel('Mã PIN').fill(pin);
  await dialog.getByRole('button', { name: 'Ký', exact: true }).click();
  await expect(page.getByTestId('signed')).toContainText('Đã ký 1 văn bản.');
  await expect(queue).toBeHidden();
  // The PIN is in no field, no draft and no storage of the page.
  const stored = await page.evaluate(() => JSON.stringify({ ...sessionStorage }) + JSON.stringify({ ...localStorage }));
  expect(stored).not.toContain(pin);
  const fields = await page.locator('input').evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
  expect(fields).not.toContain(pin);
  await saveScreen(page, '41-signing-after');
});

test('the văn thư numbers, seals and publishes; pdfsig finds both signatures valid', async ({ page }) => {
  // No server in this spec: the administrator gives the sổ đi an open lease (one workstation), by CLI.
  // real time: the app in the browser-shell host numbers in the year of its own clock.
  const year = new Date(Date.now() + 7 * 3600_000).getUTCFullYear();
  execFileSync(
    process.execPath,
    ['main/cli/bin.ts', 'register', 'lease', '--kind', 'di', '--year', String(year), '--from', '1'],
    { env: { ...process.env, VANTHU_PROFILE: shell.profileDir }, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  await page.goto(shell.url);
  await nav(page, 'Văn bản đi').click();
  await page.getByRole('button', { name: 'Lãnh đạo đã ký' }).click();
  await page.getByTestId('outgoing-table').getByRole('link').first().click();
  const detail = page.getByTestId('outgoing-detail');
  await expect(detail).toContainText('Lãnh đạo đã ký');
  await detail.getByRole('button', { name: 'Cấp số' }).click();
  await expect(detail).toContainText('Đã cấp số');
  await expect(detail).toContainText('/QĐ-UBND');
  // The leader moved the box: the draft was prepared for the seal and numbers, then signed.
  const signed = draftPdf.replace(/\.pdf$/, '.chuan-bi.da-ky.pdf');
  await detail.getByLabel('Tệp đã ký và cấp số (PDF)').fill(signed);
  await detail.getByRole('button', { name: 'Ghi số, ký hiệu và ngày vào văn bản' }).click();
  await expect(detail.getByRole('button', { name: 'Đã ghi số vào văn bản' })).toBeVisible();
  await detail.getByLabel('Chứng thư số dùng để ký').selectOption({ index: 1 });
  await expect(detail.getByLabel('Chứng thư số dùng để ký').locator('option:checked')).toContainText('ỦY BAN');
  await detail.getByRole('button', { name: 'Đóng dấu (ký số cơ quan)' }).click();
  const dialog = page.getByTestId('pin-dialog');
  await expect(page.getByTestId('preflight-facts')).toContainText('ỦY BAN NHÂN DÂN TỈNH X');
  const pin = fixture.pki.softhsm.tokens.find((t) => t.label === 'VanthuCoQuan')?.pin ?? '';
  await dialog.getByLabel('Mã PIN').fill(pin);
  await dialog.getByRole('button', { name: 'Ký', exact: true }).click();
  await expect(detail).toContainText('Đã đóng dấu');
  await detail.getByRole('button', { name: 'Phát hành' }).click();
  await expect(detail).toContainText('Đã phát hành');
  await saveScreen(page, '32-outgoing-published');
  const published = signed.replace(/\.pdf$/, '.cap-so.dong-dau.pdf');
  const report = execFileSync('pdfsig', ['-nssdir', `sql:${fixture.pki.nssDir}`, published]).toString('utf8');
  expect(report.match(/Signature is Valid/g)?.length).toBe(2);
});
