import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { startShell, type RunningShell } from './shell-host.ts';
import { nav, openNew } from './support/frame.ts';
import { saveScreen } from './support/artifacts.ts';
import { expectNoSeriousAxeViolations } from './support/axe.ts';
import { becomes } from './support/role.ts';
import { makeSignedFixture, type SignedFixture } from './support/signed-pdf.ts';
import { chooseTrustRoot } from './support/settings-files.ts';
import { openProfileDatabase, storedFileOutside } from '../support/profile-at-rest.ts';

/**
 * A draft whose date line the layout module cannot read (issue #14): creating it refuses with
 * PDF_FIELD_PLACEMENT_NOT_FOUND, the chuyên viên draws the date field on the page preview, the
 * draft is created with the field there, the leader signs it, and cấp số writes the date into
 * the box that was drawn, so nothing has to be added after the certification.
 */
let shell: RunningShell;
let fixture: SignedFixture;
let noDatePdf: string;
const DRAFT_DOCX = join(import.meta.dirname, '../fixtures/pdf/lo-qd-kt-1.docx');
/** Where the date is drawn: displayed points from the page's top-left (A4 portrait, no /Rotate). */
const DRAWN = { x: 330, y: 118, width: 230, height: 20 };

/** The corpus writer runs in a child Node process, as the PKI builder does (DOM types clash). */
function writeNoDatePdf(dir: string): string {
  const program = `import { writeFileSync } from 'node:fs';
import { makeDocument } from './tests/support/corpus/make-document.ts';
const doc = await makeDocument({ diaDanhNgay: '(ngày ban hành do văn thư ghi)' });
writeFileSync(process.argv[1], doc.bytes);`;
  const path = join(dir, 'qd-khong-dong-ngay.pdf');
  execFileSync(process.execPath, ['--input-type=module', '-e', program, path], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return path;
}

// Each step needs the one before it (the same profile, the same draft).
test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  fixture = makeSignedFixture();
  noDatePdf = writeNoDatePdf(mkdtempSync(join(tmpdir(), 'vanthu-e2e-no-date-')));
  shell = await startShell({ SOFTHSM2_CONF: fixture.pki.softhsm.conf });
});
test.afterAll(async () => shell.stop());

test('first run: the organization, the token module and the trusted chain are configured', async ({ page }) => {
  await page.goto(shell.url);
  await nav(page, 'Cài đặt').click();
  await page.getByLabel('Mã định danh cơ quan').fill('000.00.00.H49');
  await page.getByLabel('Tên cơ quan', { exact: true }).fill('Ủy ban nhân dân tỉnh X');
  await page.getByLabel('Thư viện PKCS#11 thêm bằng đường dẫn').fill(fixture.pki.softhsm.module);
  await chooseTrustRoot(page, fixture.pki.chainPem);
  await page.getByRole('button', { name: 'Lưu', exact: true }).click();
  await expect(page.getByTestId('settings-saved')).toBeVisible();
});

test('the draft is refused for its missing date line; the chuyên viên draws the field and the draft is made', async ({
  page,
}) => {
  await becomes(page, shell.url, 'Chuyên viên');
  await nav(page, 'Văn bản đi').click();
  await openNew(page);
  await page.getByLabel('Tên loại văn bản').fill('Quyết định');
  await page.getByLabel('Ký hiệu').fill('QĐ-UBND');
  await page.getByLabel('Cơ quan ban hành').fill('Ủy ban nhân dân tỉnh X');
  await page.getByLabel('Trích yếu nội dung').fill('Về việc phê duyệt kế hoạch chuyển đổi số');
  await page.getByLabel('Họ tên người ký').fill('Nguyễn Thị Loan');
  await page.getByLabel(/^Nơi nhận/).fill('000.00.01.H49 | Sở Tài chính tỉnh X');
  await page.getByLabel('Tệp dự thảo (PDF)').setInputFiles(noDatePdf);
  await expect(page.getByTestId('draft-pdf')).toContainText('Đã chọn: qd-khong-dong-ngay.pdf');
  await page.getByLabel('Tệp gốc soạn thảo (.docx, .odt, .doc)').setInputFiles(DRAFT_DOCX);
  await expect(page.getByTestId('draft-source')).toContainText('Đã chọn: lo-qd-kt-1.docx');
  await page.keyboard.press('Control+s');

  // Refused before anything is stored: the reason names the field, and the page is shown to place it.
  const refusal = page.locator('[data-code="PDF_FIELD_PLACEMENT_NOT_FOUND"]');
  await expect(refusal).toContainText('ngày ban hành');
  const placement = page.getByTestId('field-placement');
  await expect(placement).toContainText('Chưa đặt ô ngày ban hành.');
  await expect(placement.getByRole('img', { name: 'Ảnh trang 1 của dự thảo' })).toBeVisible();
  await expectNoSeriousAxeViolations(page);

  // Drag the box on the page: 520 CSS pixels show the 595.28 pt width of A4.
  const surface = page.getByTestId('field-placement-surface');
  await surface.evaluate((element) => element.scrollIntoView({ block: 'start' }));
  const bounds = await surface.boundingBox();
  if (bounds === null) {
    throw new Error('the placement surface is not laid out');
  }
  const px = bounds.width / 595.28;
  await page.mouse.move(bounds.x + DRAWN.x * px, bounds.y + DRAWN.y * px);
  await page.mouse.down();
  await page.mouse.move(bounds.x + (DRAWN.x + DRAWN.width / 2) * px, bounds.y + (DRAWN.y + 10) * px, { steps: 4 });
  await page.mouse.move(bounds.x + (DRAWN.x + DRAWN.width) * px, bounds.y + (DRAWN.y + DRAWN.height) * px, {
    steps: 4,
  });
  await page.mouse.up();
  await expect(placement.getByTestId('field-placement-status')).toContainText('Đã đặt ô ngày ban hành trên trang 1.');
  await expect(placement.getByTestId('field-box-ngay')).toBeVisible();
  // The keyboard moves it too: one step right and back, so the drawn box is what is saved.
  await surface.focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowLeft');
  await saveScreen(page, '33-outgoing-field-placed');

  await page.keyboard.press('Control+s');
  const detail = page.getByTestId('outgoing-detail');
  await expect(detail).toContainText('Dự thảo');
  await detail.getByRole('button', { name: 'Trình ký' }).click();
  await expect(detail).toContainText('Trình ký');
});

test('the leader signs the draft, and cấp số writes the date into the box that was drawn', async ({ page }) => {
  await becomes(page, shell.url, 'Lãnh đạo');
  await nav(page, 'Ký duyệt').click();
  const queue = page.getByTestId('signing-queue');
  await queue.getByRole('checkbox').first().check();
  await page.getByLabel('Chứng thư số dùng để ký').selectOption({ index: 1 });
  await page.keyboard.press('Control+Enter');
  const dialog = page.getByTestId('pin-dialog');
  const pin = fixture.pki.softhsm.tokens.find((t) => t.label === 'VanthuLanhDao')?.pin ?? '';
  await dialog.getByLabel('Mã PIN').fill(pin);
  await dialog.getByRole('button', { name: 'Ký', exact: true }).click();
  await expect(page.getByTestId('signed')).toContainText('Đã ký 1 văn bản.');

  // real time: the app in the browser-shell host numbers in the year of its own clock.
  const year = new Date(Date.now() + 7 * 3600_000).getUTCFullYear();
  execFileSync(
    process.execPath,
    ['main/cli/bin.ts', 'register', 'lease', '--kind', 'di', '--year', String(year), '--from', '1'],
    { env: { ...process.env, VANTHU_PROFILE: shell.profileDir }, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  await becomes(page, shell.url, 'Văn thư');
  await nav(page, 'Văn bản đi').click();
  await page.getByRole('button', { name: 'Lãnh đạo đã ký' }).click();
  await page.getByTestId('outgoing-table').getByRole('link').first().click();
  const detail = page.getByTestId('outgoing-detail');
  await detail.getByRole('button', { name: 'Cấp số' }).click();
  await expect(detail).toContainText('Đã cấp số');

  // The numbered file: its date text lies inside the box drawn on the preview, and the
  // leader's signature is still valid for pdfsig.
  const db = openProfileDatabase(shell.profileDir);
  const sha = db
    .prepare(`SELECT file_sha256 FROM outgoing_documents WHERE state = 'da-cap-so'`)
    .pluck()
    .get() as string;
  db.close();
  const numbered = storedFileOutside(shell.profileDir, sha);
  const inBox = execFileSync('pdftotext', [
    ...['-f', '1', '-l', '1', '-r', '72'],
    ...['-x', String(DRAWN.x - 2), '-y', String(DRAWN.y - 2)],
    ...['-W', String(DRAWN.width + 4), '-H', String(DRAWN.height + 4)],
    numbered,
    '-',
  ]).toString('utf8');
  expect(inBox).toContain(`năm ${year}`);
  const report = execFileSync('pdfsig', ['-nssdir', `sql:${fixture.pki.nssDir}`, numbered]).toString('utf8');
  expect(report).toContain('Signature is Valid');
});
