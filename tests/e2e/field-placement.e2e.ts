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
import { openProfileDatabase, storedFileOutside } from '../support/profile-at-rest.ts';
import { SettingsPage } from './pages/settings-page.ts';
import { chooseCertificate, PinDialog } from './pages/pin-dialog.ts';
import { DraftForm } from './pages/draft-form.ts';
import { OutgoingDetail } from './pages/outgoing-detail.ts';

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
  await new SettingsPage(page).configure(
    {
      maDinhDanh: '000.00.00.H49',
      orgName: 'Ủy ban nhân dân tỉnh X',
      modulePath: fixture.pki.softhsm.module,
      trustRoot: fixture.pki.chainPem,
    },
    shell.url,
  );
});

test('the draft is refused for its missing date line; the chuyên viên draws the field and the draft is made', async ({
  page,
}) => {
  await becomes(page, shell.url, 'Chuyên viên');
  await nav(page, 'Văn bản đi').click();
  await openNew(page);
  await new DraftForm(page).fill({
    tenLoai: 'Quyết định',
    kyHieu: 'QĐ-UBND',
    coQuanBanHanh: 'Ủy ban nhân dân tỉnh X',
    trichYeu: 'Về việc phê duyệt kế hoạch chuyển đổi số',
    nguoiKy: 'Nguyễn Thị Loan',
    recipients: '000.00.01.H49 | Sở Tài chính tỉnh X',
    pdf: noDatePdf,
    nguon: DRAFT_DOCX,
  });
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
  await new OutgoingDetail(page).submit.click();
  await expect(detail).toContainText('Trình ký');
});

test('the leader signs the draft, and cấp số writes the date into the box that was drawn', async ({ page }) => {
  await becomes(page, shell.url, 'Lãnh đạo');
  await nav(page, 'Ký duyệt').click();
  const queue = page.getByTestId('signing-queue');
  await queue.getByRole('checkbox').first().check();
  await chooseCertificate(page);
  await page.keyboard.press('Control+Enter');
  const pin = fixture.pki.softhsm.tokens.find((t) => t.label === 'VanthuLanhDao')?.pin ?? '';
  await new PinDialog(page).sign(pin);
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
  await new OutgoingDetail(page).issueNumber.click();
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
