import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { expect, test, type Page } from '@playwright/test';
import { startShell, type RunningShell } from './shell-host.ts';
import { nav, openNew } from './support/frame.ts';
import { saveScreen } from './support/artifacts.ts';
import { expectNoSeriousAxeViolations } from './support/axe.ts';
import { becomes } from './support/role.ts';
import { startReferenceServer, type RunningServer } from './support/reference-server.ts';
import { makeSignedFixture, type SignedFixture } from './support/signed-pdf.ts';
import { openProfileDatabase, storedFileOutside } from '../support/profile-at-rest.ts';
import { SettingsPage, serverLogin } from './pages/settings-page.ts';
import { certificateSelect, chooseCertificate, PinDialog } from './pages/pin-dialog.ts';
import { DraftForm } from './pages/draft-form.ts';
import { OutgoingDetail } from './pages/outgoing-detail.ts';

/*
 * Phụ lục of an outgoing document, end to end (issue #9): the văn thư of Sở Nội vụ signs two
 * appendices with the organization's token and the document's số, ký hiệu, takes one back, publishes;
 * the văn thư of Sở Tài chính, on another workstation, receives the document with its appendix
 * and opens it. One reference server on loopback, two browser-shell profiles, SoftHSM2 tokens.
 */
const SNV = '000.00.01.H99';
const STC = '000.00.02.H99';
const TRICH_YEU = 'Về việc tổ chức hội nghị tổng kết công tác văn thư';
const KEPT = 'Phụ lục I. Danh sách đơn vị tham dự';
const TAKEN_BACK = 'Phụ lục II';

let server: RunningServer;
let sender: RunningShell;
let recipient: RunningShell;
let fixture: SignedFixture;
let draftPdf: string;
let appendixPdf: string;
let wrongPdf: string;

test.describe.configure({ mode: 'serial', timeout: 110_000 });

test.beforeAll(async () => {
  fixture = makeSignedFixture();
  const work = mkdtempSync(join(tmpdir(), 'vanthu-e2e-appendix-'));
  const arrivals = join(work, 'arrivals');
  mkdirSync(arrivals);
  draftPdf = join(work, 'ke-hoach.pdf');
  copyFileSync(fixture.unsignedPdf, draftPdf);
  appendixPdf = join(work, 'danh-sach.pdf');
  copyFileSync('tests/fixtures/pdf/lo-tb-tl-1.pdf', appendixPdf);
  wrongPdf = join(work, 'chon-nham.pdf');
  copyFileSync('tests/fixtures/pdf/lo-gm-lien-2.pdf', wrongPdf);
  server = await startReferenceServer(arrivals);
  sender = await startShell({ SOFTHSM2_CONF: fixture.pki.softhsm.conf });
  recipient = await startShell({ SOFTHSM2_CONF: fixture.pki.softhsm.conf });
});
test.afterAll(async () => {
  await recipient?.stop();
  await sender?.stop();
  await server?.stop();
});

const shot = (page: Page, name: string) => saveScreen(page, `appendix/${name}`);
const pin = (label: string) => fixture.pki.softhsm.tokens.find((t) => t.label === label)?.pin ?? '';

/** Press "Đồng bộ ngay" until nothing waits in the queue (each press is one round). */
async function drain(page: Page): Promise<void> {
  await expect
    .poll(
      async () => {
        await nav(page, 'Đồng bộ').click();
        await page.getByRole('button', { name: 'Đồng bộ ngay (Alt+R)' }).click();
        await expect(page.getByRole('button', { name: 'Đồng bộ ngay (Alt+R)' })).toBeEnabled();
        return page.getByTestId('sync-pending').textContent();
      },
      { timeout: 30_000, intervals: [200, 500, 1000] },
    )
    .toBe('0');
}

async function firstRun(page: Page, shell: RunningShell, org: { code: string; name: string; user: string }) {
  await new SettingsPage(page).configure(
    {
      maDinhDanh: org.code,
      orgName: org.name,
      serverUrl: server.url,
      username: org.user,
      modulePath: fixture.pki.softhsm.module,
      trustRoot: fixture.pki.chainPem,
    },
    shell.url,
  );
  await serverLogin(page, org.user, 'demo');
  await expect(page.getByTestId('login-done')).toContainText(org.code);
}

/** Sign one appendix from the detail screen: title, file, the organization's certificate, PIN. */
async function addAppendix(page: Page, title: string, file: string): Promise<void> {
  const panel = page.getByTestId('appendix-panel');
  await panel.getByRole('button', { name: 'Thêm phụ lục…' }).click();
  const form = panel.getByTestId('appendix-add');
  await form.getByLabel('Tên phụ lục').fill(title);
  await form.getByLabel('Tệp phụ lục (PDF)').setInputFiles(file);
  await expect(form.getByTestId('appendix-file')).toContainText('Đã chọn');
  await chooseCertificate(form);
  await form.getByRole('button', { name: 'Ký số và đính kèm' }).click();
  await expect(page.getByTestId('preflight-facts')).toContainText('ỦY BAN NHÂN DÂN TỈNH X');
  await new PinDialog(page).sign(pin('VanthuCoQuan'));
  await expect(panel.getByTestId('appendix-notice')).toContainText(`Đã ký số và đính kèm ${title}`);
}

test('phụ lục: signed with the số, ký hiệu, attached, one taken back, published with the document, received and opened', async ({
  page,
  browser,
}) => {
  let soKyHieu = '';

  await test.step('the sender drafts a plan to Sở Tài chính; the leader signs it', async () => {
    await firstRun(page, sender, { code: SNV, name: 'Sở Nội vụ tỉnh Demo', user: 'vanthu.snv' });
    await drain(page);
    await becomes(page, sender.url, 'Chuyên viên');
    await nav(page, 'Văn bản đi').click();
    await openNew(page);
    await new DraftForm(page).fill({
      pdf: draftPdf,
      nguon: 'tests/fixtures/pdf/lo-qd-kt-1.docx',
      tenLoai: 'Kế hoạch',
      kyHieu: 'KH-SNV',
      coQuanBanHanh: 'Sở Nội vụ tỉnh Demo',
      trichYeu: TRICH_YEU,
      nguoiKy: 'Nguyễn Văn A',
    });
    const picker = page.getByTestId('recipient-picker');
    await picker.getByLabel('Tìm cơ quan nhận trong danh bạ').fill('tai chinh');
    await picker.getByRole('button', { name: /^Thêm Sở Tài chính/ }).click();
    await page.keyboard.press('Control+s');
    const detail = page.getByTestId('outgoing-detail');
    await new OutgoingDetail(page).submit.click();
    await expect(detail).toContainText('Trình ký');
    // No số yet: an appendix cannot be signed with the document's số, ký hiệu.
    await expect(page.getByTestId('appendix-panel')).toContainText('sau khi văn bản được cấp số');
    await expect(page.getByRole('button', { name: 'Thêm phụ lục…' })).toHaveCount(0);
    await drain(page);

    await becomes(page, sender.url, 'Lãnh đạo');
    await nav(page, 'Ký duyệt').click();
    const queue = page.getByTestId('signing-queue');
    await queue.getByRole('checkbox').check();
    await chooseCertificate(page);
    await page.keyboard.press('Control+Enter');
    await new PinDialog(page).sign(pin('VanthuLanhDao'));
    await expect(page.getByTestId('signed')).toContainText('Đã ký 1 văn bản.');
  });

  await test.step('cấp số, then two appendices signed with its số, ký hiệu; the wrong one is taken back', async () => {
    await becomes(page, sender.url, 'Văn thư');
    await nav(page, 'Văn bản đi').click();
    await page.getByRole('button', { name: 'Lãnh đạo đã ký' }).click();
    await page.getByTestId('outgoing-table').getByRole('link').first().click();
    const detail = page.getByTestId('outgoing-detail');
    await new OutgoingDetail(page).issueNumber.click();
    await expect(detail).toContainText('Đã cấp số');
    soKyHieu = (await detail.locator('dd').nth(1).textContent()) ?? '';
    expect(soKyHieu).toMatch(/^\d+\/KH-SNV$/);
    await expect(page.getByTestId('appendix-panel')).toContainText('Văn bản chưa có phụ lục.');

    await addAppendix(page, KEPT, appendixPdf);
    await addAppendix(page, TAKEN_BACK, wrongPdf);
    const list = page.getByTestId('appendix-list');
    await expect(list.getByRole('row')).toHaveCount(3);
    await expect(list).toContainText('Đã ký số cơ quan');
    await shot(page, '01-two-appendices');
    await list.getByRole('button', { name: `Gỡ ${TAKEN_BACK} khỏi văn bản` }).click();
    await expect(page.getByTestId('appendix-notice')).toContainText(`Đã gỡ ${TAKEN_BACK}`);
    await expect(list.getByRole('row')).toHaveCount(2);
    await expect(list).toContainText(KEPT);
    await expect(list).not.toContainText(TAKEN_BACK);

    // Opened from the store: the organization's signature on it holds.
    await list.getByRole('button', { name: `Mở ${KEPT}` }).click();
    const viewer = page.getByTestId('appendix-viewer');
    await expect(viewer.getByTestId('verdict')).toBeVisible({ timeout: 20_000 });
    await expect(viewer.getByTestId('verdict')).toContainText('ỦY BAN NHÂN DÂN TỈNH X');
    expect(await viewer.getByTestId('verdict').getAttribute('data-verdict')).not.toBe('invalid');
    await expect(viewer.locator('canvas')).toBeVisible();
    await expectNoSeriousAxeViolations(page);
    await shot(page, '02-appendix-opened');
    await viewer.getByRole('button', { name: 'Đóng phụ lục' }).click();
  });

  await test.step('sealed and published: the appendix goes with it and can no longer be taken back', async () => {
    const detail = page.getByTestId('outgoing-detail');
    await certificateSelect(detail).first().selectOption({ index: 1 });
    await new OutgoingDetail(page).seal.click();
    await new PinDialog(page).sign(pin('VanthuCoQuan'));
    await expect(detail).toContainText('Đã đóng dấu');
    await new OutgoingDetail(page).publish.click();
    await expect(detail).toContainText('Đã phát hành');
    const panel = page.getByTestId('appendix-panel');
    await expect(panel).toContainText('đã được gửi cùng văn bản');
    await expect(panel.getByRole('button', { name: /^Gỡ / })).toHaveCount(0);
    await expect(panel.getByRole('button', { name: 'Thêm phụ lục…' })).toHaveCount(0);
    await shot(page, '03-published');
    await drain(page);

    const db = new Database(join(server.dataDir, 'server.sqlite'), { readonly: true, fileMustExist: true });
    try {
      const id = (db.prepare(`select id from documents where from_org = ?`).get(SNV) as { id: string }).id;
      expect(
        db.prepare(`select kind, title from document_files where document_id = ? order by position`).all(id),
      ).toEqual([
        { kind: 'chinh', title: null },
        { kind: 'phu-luc', title: KEPT },
      ]);
    } finally {
      db.close();
    }
  });

  await test.step('the recipient receives the document with its appendix and opens it', async () => {
    // Another workstation: its own browser context (as a second machine would be).
    const context = await browser.newContext({ locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
    const other = await context.newPage();
    await firstRun(other, recipient, { code: STC, name: 'Sở Tài chính tỉnh Demo', user: 'vanthu.stc' });
    await drain(other);
    await nav(other, 'Văn bản đến').click();
    await other.getByTestId('incoming-table').getByRole('link', { name: TRICH_YEU }).click();
    const received = other.getByTestId('received-appendices');
    await expect(received.getByTestId('appendix-list')).toContainText(KEPT);
    await expect(received.getByTestId('appendix-list').getByRole('row')).toHaveCount(2);
    await received.getByRole('button', { name: `Mở ${KEPT}` }).click();
    const viewer = received.getByTestId('appendix-viewer');
    await expect(viewer.getByTestId('verdict')).toBeVisible({ timeout: 20_000 });
    expect(await viewer.getByTestId('verdict').getAttribute('data-verdict')).not.toBe('invalid');
    await expect(viewer.locator('canvas')).toBeVisible();
    await expectNoSeriousAxeViolations(other);
    await shot(other, '04-received-appendix');

    // The bytes kept by the recipient carry a valid organization signature with the document's số, ký hiệu.
    const db = openProfileDatabase(recipient.profileDir);
    const { sha256 } = db.prepare(`select sha256 from incoming_appendices`).get() as { sha256: string };
    db.close();
    const stored = storedFileOutside(recipient.profileDir, sha256);
    const report = execFileSync('pdfsig', ['-nssdir', `sql:${fixture.pki.nssDir}`, stored]).toString('utf8');
    expect(report.match(/Signature is Valid/g)?.length).toBe(1);
    const text = execFileSync('pdftotext', ['-l', '1', stored, '-']).toString('utf8');
    expect(text).toContain(`Số: ${soKyHieu};`);
    await context.close();
  });
});
