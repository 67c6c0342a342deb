import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { startShell, type RunningShell } from './shell-host.ts';
import { nav } from './support/frame.ts';
import { saveScreen } from './support/artifacts.ts';
import { expectNoSeriousAxeViolations } from './support/axe.ts';
import { startReferenceServer, type RunningServer } from './support/reference-server.ts';
import { makeSignedFixture } from './support/signed-pdf.ts';
import { SettingsPage, serverLogin } from './pages/settings-page.ts';

/*
 * Issue #17: a document from the Trục is checked before the clerk acts on it. The sender signed it
 * as its leader but never sealed it, so the check says the organization's signature is missing;
 * tiếp nhận is refused, trả lại opens with that reason written, and the returned document is not in
 * the printed sổ.
 */
const SNV = '000.00.01.H99';
const ARRIVING = 'Về việc ban hành Quy chế công tác văn thư';

let server: RunningServer;
let shell: RunningShell;

test.describe.configure({ mode: 'serial', timeout: 110_000 });

test.beforeAll(async () => {
  const fixture = makeSignedFixture();
  const arrivals = join(mkdtempSync(join(tmpdir(), 'vanthu-e2e-arrival-')), 'arrivals');
  mkdirSync(arrivals);
  copyFileSync(fixture.personalPdf, join(arrivals, 'qd-chi-ky-ca-nhan.pdf'));
  server = await startReferenceServer(arrivals);
  shell = await startShell({ SOFTHSM2_CONF: fixture.pki.softhsm.conf });
});
test.afterAll(async () => {
  await shell?.stop();
  await server?.stop();
});

test('an arrival from the Trục is checked before the clerk acts; trả lại pre-fills the reasons; the sổ leaves it out', async ({
  page,
}) => {
  await test.step('first run: organization, server, login, one sync', async () => {
    await new SettingsPage(page).configure(
      { maDinhDanh: SNV, orgName: 'Sở Nội vụ tỉnh Demo', serverUrl: server.url, username: 'vanthu.snv' },
      shell.url,
    );
    await serverLogin(page, 'vanthu.snv', 'demo');
    await expect(page.getByTestId('login-done')).toContainText(SNV);
    await nav(page, 'Đồng bộ').click();
    await page.getByRole('button', { name: 'Đồng bộ ngay (Alt+R)' }).click();
  });

  await test.step('the list shows the verdict of the background check, and no số đến', async () => {
    await nav(page, 'Văn bản đến').click();
    const table = page.getByTestId('incoming-table');
    await expect(table).toContainText(ARRIVING, { timeout: 30_000 });
    const row = table.getByRole('row').filter({ hasText: ARRIVING });
    // The list refreshes itself when the check ends (incoming.checked).
    await expect(row.getByTestId('incoming-verdict')).toHaveText('Không hợp lệ', { timeout: 30_000 });
    await expect(row.getByRole('cell').first()).toHaveText('');
    await saveScreen(page, 'arrival-check/01-list-verdict');
    await expectNoSeriousAxeViolations(page);
  });

  await test.step('the detail says the seal is missing; tiếp nhận is not offered', async () => {
    await page.getByTestId('incoming-table').getByRole('link', { name: ARRIVING }).first().click();
    const detail = page.getByTestId('incoming-detail');
    await expect(detail.getByTestId('arrival-verdict')).toHaveText('Không hợp lệ');
    await expect(detail.getByTestId('arrival-findings')).toContainText('thiếu chữ ký số của cơ quan');
    await expect(detail.getByText('Chữ ký cá nhân: Nguyễn Văn A')).toBeVisible();
    await expect(detail.getByRole('button', { name: 'Tiếp nhận', exact: true })).toBeDisabled();
    await expect(detail.getByRole('alert')).toContainText('chỉ có thể trả lại');
    await saveScreen(page, 'arrival-check/02-detail-findings');
  });

  await test.step('trả lại opens with the reasons written; the sender gets them with status 02', async () => {
    const detail = page.getByTestId('incoming-detail');
    await detail.getByRole('button', { name: 'Trả lại…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Trả lại văn bản cho nơi gửi' });
    const reason = dialog.getByLabel('Lý do trả lại');
    await expect(reason).toHaveValue(/thiếu chữ ký số của cơ quan, tổ chức ban hành/);
    await expect(reason).toHaveValue(/Đề nghị kiểm tra và gửi lại\.$/);
    await saveScreen(page, 'arrival-check/03-return-prefilled');
    await dialog.getByRole('button', { name: 'Trả lại', exact: true }).click();
    await expect(detail).toContainText('Không còn thao tác nào ở trạng thái này.');
  });

  await test.step('the printed sổ đến does not hold the returned document', async () => {
    await page.keyboard.press('Alt+4');
    await expect(page.getByTestId('registers-table')).toContainText('Sổ đăng ký văn bản đến');
    const out = join(mkdtempSync(join(tmpdir(), 'vanthu-e2e-print-')), 'so-den.pdf');
    // No path is asked for: main prints into its store and the page downloads the file.
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'In sổ ra PDF' }).click();
    await (await downloading).saveAs(out);
    await expect(page.getByTestId('printed')).toContainText('Đã in 0 dòng');
    const text = execFileSync('pdftotext', ['-layout', out, '-']).toString('utf8');
    expect(text).not.toContain('Quy chế công tác văn thư');
  });
});
