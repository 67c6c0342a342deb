import { receiveChecked } from './support/receive.ts';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { expect, test, type Page } from '@playwright/test';
import { startShell, type RunningShell } from './shell-host.ts';
import { nav, openNew } from './support/frame.ts';
import { saveScreen } from './support/artifacts.ts';
import { becomes } from './support/role.ts';
import { startReferenceServer, type RunningServer } from './support/reference-server.ts';
import { makeSignedFixture, type SignedFixture } from './support/signed-pdf.ts';
import { openProfileDatabase, storedFileOutside } from '../support/profile-at-rest.ts';
import { SettingsPage } from './pages/settings-page.ts';
import { chooseCertificate, PinDialog } from './pages/pin-dialog.ts';
import { DraftForm } from './pages/draft-form.ts';
import { OutgoingDetail } from './pages/outgoing-detail.ts';

/*
 * The whole working day of issue #9, in one browser session against the real services: the
 * reference server on loopback (outage injected through its admin endpoint), a fresh profile,
 * SoftHSM2 tokens. Sync rounds are driven by the Đồng bộ screen's "Đồng bộ ngay", as a clerk would.
 */
const SNV = '000.00.01.H99';
const ARRIVING = 'Về việc ban hành Quy chế công tác văn thư';
const PAPER = 'lo-cv-kt-1.pdf';
const DRAFT_TRICH_YEU = 'Về việc tổ chức ngày hội chuyển đổi số';

let server: RunningServer;
let shell: RunningShell;
let fixture: SignedFixture;
let draftPdf: string;
let appendixPdf: string;

test.describe.configure({ mode: 'serial', timeout: 110_000 });

test.beforeAll(async () => {
  fixture = makeSignedFixture();
  const work = mkdtempSync(join(tmpdir(), 'vanthu-e2e-day-'));
  const fixtures = join(work, 'arrivals');
  execFileSync('mkdir', ['-p', fixtures]);
  // The documents UBND sends today are signed by the test PKI (leader, then the organization).
  copyFileSync(fixture.signedPdf, join(fixtures, 'qd-ubnd.pdf'));
  draftPdf = join(work, 'du-thao-ngay-hoi.pdf');
  copyFileSync(fixture.unsignedPdf, draftPdf);
  appendixPdf = join(work, 'phu-luc.pdf');
  copyFileSync('tests/fixtures/pdf/lo-cv-kt-1.pdf', appendixPdf);
  rmSync('tests/artifacts/e2e/day', { recursive: true, force: true });
  server = await startReferenceServer(fixtures);
  shell = await startShell({ SOFTHSM2_CONF: fixture.pki.softhsm.conf });
});
test.afterAll(async () => {
  await shell?.stop();
  await server?.stop();
});

const shot = (page: Page, name: string) => saveScreen(page, `day/${name}`);

async function syncNow(page: Page): Promise<void> {
  await nav(page, 'Đồng bộ').click();
  await page.getByRole('button', { name: 'Đồng bộ ngay (Alt+R)' }).click();
  await expect(page.getByRole('button', { name: 'Đồng bộ ngay (Alt+R)' })).toBeEnabled();
}

/** Press "Đồng bộ ngay" until nothing waits in the queue (each press is one round). */
async function drain(page: Page): Promise<void> {
  await expect
    .poll(
      async () => {
        await syncNow(page);
        return page.getByTestId('sync-pending').textContent();
      },
      { timeout: 30_000, intervals: [200, 500, 1000] },
    )
    .toBe('0');
}

test('a day at the registry: arrival, verification, registration, outage, paper offline, drain, sign, number, seal, publish', async ({
  page,
}) => {
  const pin = (label: string) => fixture.pki.softhsm.tokens.find((t) => t.label === label)?.pin ?? '';

  await test.step('first run: organization, server, token module and trust roots; login', async () => {
    await new SettingsPage(page).configure(
      {
        maDinhDanh: SNV,
        orgName: 'Sở Nội vụ tỉnh Demo',
        serverUrl: server.url,
        username: 'vanthu.snv',
        modulePath: fixture.pki.softhsm.module,
        trustRoot: fixture.pki.chainPem,
      },
      shell.url,
    );
    const login = page.getByTestId('server-login');
    await login.getByLabel('Tài khoản').fill('vanthu.snv');
    await login.getByLabel('Mật khẩu').fill('demo');
    await login.getByRole('button', { name: 'Đăng nhập' }).click();
    await expect(page.getByTestId('login-done')).toContainText(SNV);
    // The password is gone from the field and from the page's storage.
    await expect(login.getByLabel('Mật khẩu')).toHaveValue('');
    const stored = await page.evaluate(
      () => JSON.stringify({ ...sessionStorage }) + JSON.stringify({ ...localStorage }),
    );
    expect(stored).not.toContain('"demo"');
    await shot(page, '01-settings-login');
  });

  await test.step('a document arrives from the server and its signature is verified', async () => {
    await drain(page);
    await shot(page, '02-sync-online');
    await nav(page, 'Văn bản đến').click();
    const table = page.getByTestId('incoming-table');
    await expect(table).toContainText(ARRIVING);
    await table.getByRole('link', { name: ARRIVING }).first().click();
    const stored = page.getByTestId('stored-document');
    const verdict = stored.getByTestId('verdict');
    await expect(verdict).toBeVisible({ timeout: 20_000 });
    await expect(verdict).toContainText('Nguyễn Văn A');
    await expect(verdict).toContainText('ỦY BAN NHÂN DÂN TỈNH X');
    expect(await verdict.getAttribute('data-verdict')).not.toBe('invalid');
    await expect(stored.locator('canvas')).toBeVisible();
    await shot(page, '03-arrived-verified');
  });

  await test.step('it is registered (tiếp nhận with the trục fields), presented and assigned', async () => {
    const detail = page.getByTestId('incoming-detail');
    await expect(detail).toContainText('12/QĐ-UBND');
    await receiveChecked(page, detail);
    await detail.getByRole('button', { name: 'Trình lãnh đạo…' }).click();
    await page
      .getByRole('dialog', { name: 'Trình lãnh đạo' })
      .getByRole('button', { name: 'Trình', exact: true })
      .click();
    await expect(detail).toContainText('Đã trình');
    // Phân công is the leader's step (main enforces roles): the leader opens it from the list.
    await becomes(page, shell.url, 'Lãnh đạo');
    await nav(page, 'Văn bản đến').click();
    await page.getByTestId('incoming-table').getByRole('link', { name: ARRIVING }).first().click();
    await detail.getByRole('button', { name: 'Phân công' }).click();
    const assign = page.getByTestId('assign-dialog');
    await assign.getByLabel('Đơn vị, cá nhân chủ trì').fill('Phòng Công chức, viên chức');
    await assign.getByLabel('Đơn vị, cá nhân phối hợp (mỗi dòng một)').fill('Văn phòng Sở');
    await assign.getByLabel('Hạn xử lý').fill('2026-12-15');
    await assign.getByRole('button', { name: 'Phân công', exact: true }).click();
    await expect(page.getByTestId('assignment')).toContainText('Phòng Công chức, viên chức');
    await expect(page.getByTestId('assignment')).toContainText('Văn phòng Sở');
    await shot(page, '04-registered-assigned');
    await becomes(page, shell.url, 'Văn thư');
  });

  await test.step('the server goes down: the app says it is offline', async () => {
    // real time: the reference server's outage window is compared with its own clock.
    const now = Date.now();
    await server.faults({ outage: { startMs: now - 1_000, endMs: now + 3_600_000 } });
    await syncNow(page);
    await expect(page.getByText('Mất kết nối — đang làm việc trên máy').first()).toBeVisible();
    await shot(page, '05-offline');
  });

  await test.step('a paper document is scanned in and registered offline with a pre-filled form', async () => {
    await nav(page, 'Văn bản đến').click();
    await openNew(page);
    await expect(page.getByRole('heading', { name: 'Tiếp nhận & đăng ký văn bản đến' })).toBeVisible();
    const scan = resolve('tests/fixtures/pdf', PAPER);
    // Chosen like a person does (the file input, streamed to the host), never typed.
    await page.getByLabel('Tệp văn bản (PDF)').setInputFiles(scan);
    await expect(page.getByTestId('incoming-file')).toContainText('Đã chọn');
    await page.getByLabel('Mở tệp PDF để xem (tệp không rời khỏi máy)').setInputFiles(scan);
    await expect(page.getByTestId('prefilled')).toBeVisible();
    await expect(page.getByLabel('Số', { exact: true })).not.toHaveValue('');
    await expect(page.getByLabel('Trích yếu nội dung')).not.toHaveValue('');
    const issuer = page.getByLabel('Cơ quan ban hành', { exact: true });
    if ((await issuer.inputValue()) === '') {
      await issuer.fill('Sở Tài chính tỉnh Demo');
    }
    await shot(page, '06-paper-prefilled');
    await page.getByRole('button', { name: 'Đăng ký (cấp số đến)' }).click();
    // The fixture is an office export, not a scan: the digitisation standard is explained, and the
    // clerk registers it with a reason.
    const scanDialog = page.getByRole('dialog', { name: 'Bản quét chưa đạt yêu cầu số hóa' });
    await expect(scanDialog).toContainText('Không thấy ảnh quét trên trang');
    await scanDialog.getByLabel('Lý do vẫn đăng ký bản quét này').fill('Bản điện tử do nơi gửi cung cấp kèm bản giấy');
    await scanDialog.getByRole('button', { name: 'Vẫn đăng ký, ghi lý do' }).click();
    await expect(page.getByTestId('registered')).toContainText('số đến');
    await shot(page, '07-paper-registered-offline');
  });

  await test.step('the server returns and the queue drains', async () => {
    await server.faults({ outage: null });
    await drain(page);
    await expect(page.getByText('Trực tuyến').first()).toBeVisible();
    // Nothing refused: the paper registration travels with its metadata and scan (API 1.1.0).
    await expect(page.getByTestId('sync-failed')).toHaveText('0');
    await shot(page, '08-queue-drained');
  });

  await test.step('a draft is written to a recipient from the directory and submitted', async () => {
    await becomes(page, shell.url, 'Chuyên viên');
    await nav(page, 'Văn bản đi').click();
    await openNew(page);
    await new DraftForm(page).fill({
      pdf: draftPdf,
      nguon: 'tests/fixtures/pdf/lo-qd-kt-1.docx',
      tenLoai: 'Kế hoạch',
      kyHieu: 'KH-SNV',
      coQuanBanHanh: 'Sở Nội vụ tỉnh Demo',
      trichYeu: DRAFT_TRICH_YEU,
      nguoiKy: 'Nguyễn Văn A',
    });
    // The recipient comes from the directory the morning's sync brought in.
    const picker = page.getByTestId('recipient-picker');
    await picker.getByLabel('Tìm cơ quan nhận trong danh bạ').fill('tai chinh');
    await picker.getByRole('button', { name: /^Thêm Sở Tài chính/ }).click();
    await expect(page.getByLabel(/^Nơi nhận/)).toHaveValue(/^000\.00\.02\.H99 \| Sở Tài chính/);
    await expect(picker.getByRole('button', { name: /^Đã thêm Sở Tài chính/ })).toBeDisabled();
    await shot(page, '08b-draft-recipients');
    await page.keyboard.press('Control+s');
    const detail = page.getByTestId('outgoing-detail');
    await expect(detail).toContainText('Dự thảo');
    await new OutgoingDetail(page).submit.click();
    await expect(detail).toContainText('Trình ký');
    // The sổ đi of this year now exists: the next round brings its number lease from the server.
    await drain(page);
  });

  await test.step('the leader signs the stored draft where the layout placed the box', async () => {
    await becomes(page, shell.url, 'Lãnh đạo');
    await nav(page, 'Ký duyệt').click();
    const queue = page.getByTestId('signing-queue');
    await expect(queue).toContainText(DRAFT_TRICH_YEU);
    await queue.getByRole('checkbox').check();
    await chooseCertificate(page);
    await page.keyboard.press('Control+Enter');
    await expect(page.getByTestId('preflight-facts')).toContainText('Nguyễn Văn A');
    const pinDialog = new PinDialog(page);
    await pinDialog.pin.fill(pin('VanthuLanhDao'));
    await shot(page, '09-leader-pin');
    await pinDialog.confirm.click();
    await expect(page.getByTestId('signed')).toContainText('Đã ký 1 văn bản.');
    await shot(page, '10-leader-signed');
  });

  // The published file is the one the store keeps for the document (by hash), not a file beside the draft.
  const publishedFile = (): string => {
    const db = openProfileDatabase(shell.profileDir);
    try {
      const sha = db
        .prepare(`SELECT file_sha256 FROM outgoing_documents WHERE state = 'da-phat-hanh'`)
        .pluck()
        .get() as string;
      return storedFileOutside(shell.profileDir, sha);
    } finally {
      db.close();
    }
  };

  await test.step('the văn thư numbers it from the leased register, seals and publishes', async () => {
    await becomes(page, shell.url, 'Văn thư');
    await nav(page, 'Văn bản đi').click();
    await page.getByRole('button', { name: 'Lãnh đạo đã ký' }).click();
    await page.getByTestId('outgoing-table').getByRole('link').first().click();
    const detail = page.getByTestId('outgoing-detail');
    await new OutgoingDetail(page).issueNumber.click();
    await expect(detail).toContainText('Đã cấp số');
    await expect(detail).toContainText('/KH-SNV');
    await chooseCertificate(detail);
    await new OutgoingDetail(page).seal.click();
    await expect(page.getByTestId('preflight-facts')).toContainText('ỦY BAN NHÂN DÂN TỈNH X');
    await new PinDialog(page).sign(pin('VanthuCoQuan'));
    await expect(detail).toContainText('Đã đóng dấu');
    await shot(page, '11-sealed');
    // Its appendix is signed by the organization with the document's số, ký hiệu and attached to it.
    const appendix = page.getByTestId('appendix-panel');
    await appendix.getByRole('button', { name: 'Thêm phụ lục…' }).click();
    await appendix.getByLabel('Tệp phụ lục (PDF)').setInputFiles(appendixPdf);
    await expect(appendix.getByTestId('appendix-file')).toContainText('Đã chọn');
    await chooseCertificate(appendix);
    await appendix.getByRole('button', { name: 'Ký số và đính kèm' }).click();
    await new PinDialog(page).sign(pin('VanthuCoQuan'));
    await expect(page.getByTestId('appendix-notice')).toContainText('Đã ký số và đính kèm Phụ lục I');
    await expect(page.getByTestId('appendix-list')).toContainText('Phụ lục I');
    await shot(page, '12a-appendix-attached');
    await new OutgoingDetail(page).publish.click();
    await expect(detail).toContainText('Đã phát hành');
    await shot(page, '12-published');
    await drain(page);
    await shot(page, '13-end-of-day-sync');
  });

  await test.step('pdfsig: both signatures valid; the server holds each record once', async () => {
    const report = execFileSync('pdfsig', ['-nssdir', `sql:${fixture.pki.nssDir}`, publishedFile()]).toString('utf8');
    expect(report.match(/Signature is Valid/g)?.length).toBe(2);

    const db = new Database(join(server.dataDir, 'server.sqlite'), { readonly: true, fileMustExist: true });
    try {
      const count = (sql: string, ...args: unknown[]) => (db.prepare(sql).get(...args) as { n: number }).n;
      // The published document: one record, its file and its appendix, delivered to its one recipient.
      expect(count(`select count(*) as n from documents where from_org = ?`, SNV)).toBe(1);
      const outgoing = db.prepare(`select id, so_ky_hieu from documents where from_org = ?`).get(SNV) as {
        id: string;
        so_ky_hieu: string;
      };
      expect(outgoing.so_ky_hieu).toMatch(/^\d+\/KH-SNV$/);
      const files = db
        .prepare(`select sha256, kind from document_files where document_id = ? order by position`)
        .all(outgoing.id) as { sha256: string; kind: string }[];
      expect(files.map((f) => f.kind)).toEqual(['chinh', 'phu-luc']);
      // The appendix the server holds (what recipients get) carries a valid organization signature.
      const appendixReport = execFileSync('pdfsig', [
        '-nssdir',
        `sql:${fixture.pki.nssDir}`,
        join(server.dataDir, 'blobs', files[1]?.sha256 ?? ''),
      ]).toString('utf8');
      expect(appendixReport.match(/Signature is Valid/g)?.length).toBe(1);
      expect(count(`select count(*) as n from deliveries where document_id = ?`, outgoing.id)).toBe(1);
      // The arrival the clerk received and the paper document are registered once each, with the
      // server's final numbers; the two arrivals nobody has received yet have no số đến (#17).
      expect(count(`select count(*) as n from registrations where org = ?`, SNV)).toBe(2);
      // The paper document registered offline exists once on the server, with its scan.
      const paper = db.prepare(`select id, source from registered_documents where org = ?`).all(SNV) as {
        id: string;
        source: string;
      }[];
      expect(paper).toEqual([{ id: expect.any(String), source: 'giay' }]);
      expect(count(`select count(*) as n from registrations where document_id = ?`, paper[0]?.id)).toBe(1);
      expect(count(`select count(*) as n from registered_document_files where document_id = ?`, paper[0]?.id)).toBe(1);
      expect(
        count(
          `select count(*) as n from (select document_id from registrations group by document_id having count(*) > 1)`,
        ),
      ).toBe(0);
      // Statuses sent for the arrival (queued before the outage, sent after it): each at most once.
      const statuses = db
        .prepare(`select code, count(*) as n from statuses where org = ? group by document_id, code`)
        .all(SNV) as { code: string; n: number }[];
      // A status still queued when the next one is made is replaced by it (one outbox key per
      // document), so 01 may never leave if 03 follows before a round; the latest, 04, always does.
      expect(statuses.map((s) => s.code)).toContain('04');
      expect(statuses.every((s) => ['01', '03', '04'].includes(s.code))).toBe(true);
      expect(statuses.every((s) => s.n === 1)).toBe(true);
    } finally {
      db.close();
    }
  });

  await test.step("the recipient's inbox shows the published document with its metadata", async () => {
    const login = await fetch(new URL('/v1/auth/login', server.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'vanthu.stc', password: 'demo' }),
    });
    const { accessToken } = (await login.json()) as { accessToken: string };
    const inbox = (await (
      await fetch(new URL('/v1/inbox?limit=500', server.url), { headers: { authorization: `Bearer ${accessToken}` } })
    ).json()) as { items: { document: Record<string, unknown> & { fromOrg: string } }[] };
    const fromSnv = inbox.items.map((item) => item.document).filter((doc) => doc.fromOrg === SNV);
    expect(fromSnv).toHaveLength(1);
    expect(fromSnv[0]).toMatchObject({
      soKyHieu: expect.stringMatching(/^\d+\/KH-SNV$/),
      ngayBanHanh: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      tenLoai: 'Kế hoạch',
      trichYeu: DRAFT_TRICH_YEU,
      nguoiKy: 'Nguyễn Văn A',
      doKhan: 0,
    });
  });
});
