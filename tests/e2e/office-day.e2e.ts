import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { startShell, type RunningShell } from './shell-host.ts';
import { saveScreen } from './support/artifacts.ts';
import { startCutProxy, type CutProxy } from './support/cut-proxy.ts';
import { nav, openNew } from './support/frame.ts';
import { receiveChecked } from './support/receive.ts';
import { startReferenceServer, type RunningServer } from './support/reference-server.ts';
import { makeSignedFixture, type SignedFixture } from './support/signed-pdf.ts';
import { openProfileDatabase, storedFileOutside } from '../support/profile-at-rest.ts';
import { chooseCertificate, PinDialog } from './pages/pin-dialog.ts';
import { SettingsPage } from './pages/settings-page.ts';
import { OfficeQueuePage } from './pages/office-queue-page.ts';
import { DraftForm } from './pages/draft-form.ts';
import { OutgoingDetail } from './pages/outgoing-detail.ts';

/*
 * The office's day across workstations (#16, first Done-when point): văn thư, lãnh đạo and
 * chuyên viên of Sở Nội vụ each at their own workstation (own profile, own browser-shell host,
 * own Chromium page), and the văn thư of UBND tỉnh (a second organization) at theirs, against one
 * reference server with faults. Nobody presses "Đồng bộ ngay": every step leaves and arrives by
 * itself, and the spec waits only for what a person would see.
 */
const SNV = '000.00.01.H99';
const UBND = '000.00.00.H99';
const ARRIVING = 'Về việc ban hành Quy chế công tác văn thư';
const DRAFT_TRICH_YEU = 'Về việc tổ chức hội nghị công tác văn thư';
const DRAFT_PDF = join(import.meta.dirname, '../fixtures/pdf/lo-qd-kt-1.pdf');
const DRAFT_DOCX = join(import.meta.dirname, '../fixtures/pdf/lo-qd-kt-1.docx');

interface Station {
  readonly shell: RunningShell;
  readonly page: Page;
}

let server: RunningServer;
let fixture: SignedFixture;
/** The leader's way to the server: cut while they sign, so their workstation alone is offline. */
let leaderLine: CutProxy;
const shells: RunningShell[] = [];

// The whole day takes about 80 s on the loaded build machine (load average ~30); the bound leaves room.
test.describe.configure({ mode: 'serial', timeout: 200_000 });

test.beforeAll(async () => {
  // The test PKI with its tokens, the server and four hosts: 40–90 s while the machine is loaded.
  test.setTimeout(180_000);
  // The chuyên viên's and UBND's workstations hold no token: their hosts start while the PKI is built.
  const tokenless = Promise.all([startShell(), startShell()]);
  fixture = makeSignedFixture();
  const arrivals = mkdtempSync(join(tmpdir(), 'vanthu-e2e-office-day-'));
  mkdirSync(arrivals, { recursive: true });
  // What UBND sends Sở Nội vụ today is signed by the test PKI (its leader, then the organization).
  copyFileSync(fixture.signedPdf, join(arrivals, 'qd-ubnd.pdf'));
  server = await startReferenceServer(arrivals);
  leaderLine = await startCutProxy(server.url);
  const env = { SOFTHSM2_CONF: fixture.pki.softhsm.conf };
  const [vt, ld] = await Promise.all([startShell(env), startShell(env)]);
  const [cv, ubnd] = await tokenless;
  shells.push(vt, ld, cv, ubnd);
});
test.afterAll(async () => {
  await Promise.all(shells.map((s) => s.stop()));
  await leaderLine?.close();
  await server?.stop();
});

const pin = (label: string) => fixture.pki.softhsm.tokens.find((t) => t.label === label)?.pin ?? '';
const shot = (page: Page, name: string) => saveScreen(page, `office-day/${name}`);

/** One workstation: its own browser context (storage) and its own host (profile). */
async function station(browser: Browser, shell: RunningShell): Promise<Station> {
  const context = await browser.newContext();
  return { shell, page: await context.newPage() };
}

/** Cài đặt as the person's IT contact leaves it: the organization, the server, and for signers the token module. */
async function configure(
  s: Station,
  org: { code: string; name: string },
  serverUrl: string,
  signer: boolean,
): Promise<void> {
  await new SettingsPage(s.page).configure(
    {
      maDinhDanh: org.code,
      orgName: org.name,
      serverUrl,
      ...(signer ? { modulePath: fixture.pki.softhsm.module } : {}),
      trustRoot: fixture.pki.chainPem,
    },
    s.shell.url,
  );
}

/** The person signs in on Hàng đợi của tôi with their server account. */
async function signIn(s: Station, username: string, shown: string): Promise<void> {
  const queue = await new OfficeQueuePage(s.page).open();
  await queue.submitSignIn(username, 'demo');
  await expect(s.page.getByTestId('office-person')).toHaveText(shown, { timeout: 20_000 });
}

/** The queue row of a case once it shows `step` (the queue refreshes itself; nothing is pressed). */
async function queueRow(page: Page, title: string, step: string) {
  await nav(page, 'Hàng đợi của tôi').click();
  const row = page.getByTestId('office-queue').getByRole('row').filter({ hasText: title }).filter({ hasText: step });
  await expect(row.first()).toBeVisible({ timeout: 45_000 });
  return row.first();
}

/** A list that shows what sync brought only when opened again: open it again until `text` is there. */
async function openedUntil(page: Page, section: string, testId: string, text: string): Promise<void> {
  await expect(async () => {
    await nav(page, 'Tổng quan').click();
    await nav(page, section).click();
    await expect(page.getByTestId(testId)).toContainText(text, { timeout: 2_000 });
  }).toPass({ timeout: 60_000 });
}

/** The server's answers as UBND's workstation reads them: the statuses Sở Nội vụ sent for its document. */
async function statusesAtSender(documentId: string): Promise<string[]> {
  const login = await fetch(new URL('/v1/auth/login', server.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'vanthu.ubnd', password: 'demo' }),
  });
  const { accessToken } = (await login.json()) as { accessToken: string };
  const response = await fetch(new URL(`/v1/outgoing/${documentId}/recipients`, server.url), {
    headers: { authorization: `Bearer ${accessToken}` },
  });
  const { items } = (await response.json()) as { items: { maDinhDanh: string; statuses: { code: string }[] }[] };
  return items.find((item) => item.maDinhDanh === SNV)?.statuses.map((s) => s.code) ?? [];
}

function serverDb<T>(read: (db: Database.Database) => T): T {
  const db = new Database(join(server.dataDir, 'server.sqlite'), { readonly: true, fileMustExist: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

test('an incoming document and a draft travel between three workstations and a second organization, with faults', async ({
  browser,
}) => {
  const [vtShell, ldShell, cvShell, ubndShell] = shells as [RunningShell, RunningShell, RunningShell, RunningShell];
  const vt = await station(browser, vtShell);
  const ld = await station(browser, ldShell);
  const cv = await station(browser, cvShell);
  const ubnd = await station(browser, ubndShell);
  const snv = { code: SNV, name: 'Sở Nội vụ tỉnh Demo' };

  await test.step('each person at their own workstation: settings and sign-in', async () => {
    await Promise.all([
      configure(vt, snv, server.url, true),
      configure(ld, snv, leaderLine.url, true),
      configure(cv, snv, server.url, false),
      configure(ubnd, { code: UBND, name: 'Ủy ban nhân dân tỉnh Demo' }, server.url, false),
    ]);
    await signIn(vt, 'vanthu.snv', 'Nguyễn Thị Lan — Văn thư');
    await signIn(ld, 'lanhdao.snv', 'Hoàng Văn Nam — Lãnh đạo');
    await signIn(cv, 'chuyenvien.snv', 'Bùi Thị Ngọc — Chuyên viên');
    // UBND's văn thư too, at the start of the day: what the trục brings them wakes their long-poll.
    await signIn(ubnd, 'vanthu.ubnd', 'Lê Thị Hoa — Văn thư');
  });

  // From here a fifth of the requests fail (half of them with the answer lost) and a fifth of the transfers are cut.
  await server.faults({ errorRate: 0.2, resetRate: 0.2, seed: 16 });

  await test.step('văn thư: the arrival from UBND is received and presented to the Giám đốc', async () => {
    const { page } = vt;
    await openedUntil(page, 'Văn bản đến', 'incoming-table', ARRIVING);
    await page.getByTestId('incoming-table').getByRole('link', { name: ARRIVING }).first().click();
    const detail = page.getByTestId('incoming-detail');
    await receiveChecked(page, detail);
    const send = page.getByTestId('send-to-leader');
    await send.getByLabel('Trình lãnh đạo').selectOption({ label: 'Hoàng Văn Nam — Giám đốc' });
    await send.getByLabel('Ghi chú gửi kèm (không bắt buộc)').fill('Kính trình Giám đốc cho ý kiến.');
    await send.getByRole('button', { name: 'Gửi trình' }).click();
    await expect(detail).toContainText('Đã trình');
    await shot(page, '01-vanthu-presented');
  });

  await test.step('lãnh đạo: ý kiến and phân công from the queue', async () => {
    const { page } = ld;
    const row = await queueRow(page, ARRIVING, 'Trình văn bản đến');
    await row.getByRole('button', { name: 'Chỉ đạo, phân công' }).click();
    const form = page.getByTestId('office-step-form');
    await form.getByLabel('Người chủ trì').selectOption({ label: 'Bùi Thị Ngọc — Chuyên viên' });
    await form.getByLabel('Ý kiến chỉ đạo').fill('Giao Phòng Tổ chức chủ trì, báo cáo kết quả.');
    await form.getByRole('button', { name: 'Gửi' }).click();
    await expect(page.getByTestId('office-step-taken')).toContainText('Chỉ đạo, phân công');
    await shot(page, '02-leader-assigned');
  });

  await test.step('chuyên viên: hoàn thành from the queue; 06 reaches UBND', async () => {
    const { page } = cv;
    const row = await queueRow(page, ARRIVING, 'Chỉ đạo, phân công');
    await row.getByRole('button', { name: 'Báo cáo hoàn thành' }).click();
    const form = page.getByTestId('office-step-form');
    await form.getByLabel('Nội dung báo cáo').fill('Đã triển khai theo ý kiến chỉ đạo.');
    await form.getByRole('button', { name: 'Gửi' }).click();
    await expect(page.getByTestId('office-step-taken')).toContainText('Báo cáo hoàn thành');
    const documentId = serverDb(
      (db) => db.prepare(`select id from documents where so_ky_hieu = '12/QĐ-UBND'`).pluck().get() as string,
    );
    await expect
      .poll(() => statusesAtSender(documentId).catch(() => [] as string[]), { timeout: 45_000 })
      .toContain('06');
  });

  await test.step('chuyên viên, during a server outage: a draft from chosen files, trình ký to the Giám đốc', async () => {
    // real time: the reference server compares its outage window with its own clock.
    const now = Date.now();
    await server.faults({ outage: { startMs: now - 1_000, endMs: now + 3_600_000 } });
    const { page } = cv;
    await nav(page, 'Văn bản đi').click();
    await openNew(page);
    await new DraftForm(page).fill({
      tenLoai: 'Kế hoạch',
      kyHieu: 'KH-SNV',
      coQuanBanHanh: 'Sở Nội vụ tỉnh Demo',
      trichYeu: DRAFT_TRICH_YEU,
      nguoiKy: 'Hoàng Văn Nam',
      recipients: `${UBND} | Ủy ban nhân dân tỉnh Demo`,
      pdf: DRAFT_PDF,
      nguon: DRAFT_DOCX,
    });
    await page.getByRole('button', { name: 'Lưu dự thảo' }).click();
    const detail = page.getByTestId('outgoing-detail');
    await expect(detail).toContainText('Dự thảo');
    const send = detail.getByTestId('send-to-leader');
    await send.getByLabel('Trình lãnh đạo').selectOption({ label: 'Hoàng Văn Nam — Giám đốc' });
    await send.getByRole('button', { name: 'Gửi trình ký' }).click();
    await expect(detail.getByRole('definition').first()).toHaveText('Trình ký');
    await shot(page, '03-specialist-submitted-offline');
    await server.faults({ outage: null });
  });

  await test.step('lãnh đạo, with the workstation offline: signs the draft that arrived', async () => {
    const { page } = ld;
    // The draft and its files arrive by themselves; once here the queue says it is ready offline.
    const row = await queueRow(page, DRAFT_TRICH_YEU, 'Trình ký');
    // Its files come through the faulty server: a download cut three times waits 1 + 2 + 4 s of back-off.
    await expect(row).toContainText('Sẵn sàng', { timeout: 45_000 });
    await nav(page, 'Ký duyệt').click();
    const queue = page.getByTestId('signing-queue');
    await expect(queue).toContainText(DRAFT_TRICH_YEU);
    leaderLine.cut();
    await queue.getByRole('checkbox').check();
    await chooseCertificate(page);
    await page.keyboard.press('Control+Enter');
    await new PinDialog(page).sign(pin('VanthuLanhDao'));
    await expect(page.getByTestId('signed')).toContainText('Đã ký 1 văn bản.');
    // The signed file waits on this workstation: the indicator says it works offline.
    await expect(page.getByText('Mất kết nối — đang làm việc trên máy').first()).toBeVisible({ timeout: 30_000 });
    await shot(page, '04-leader-signed-offline');
    leaderLine.restore();
  });

  await test.step('văn thư: the signed draft arrives; cấp số, đóng dấu, phát hành', async () => {
    const { page } = vt;
    await queueRow(page, DRAFT_TRICH_YEU, 'Đã ký');
    await openedUntil(page, 'Văn bản đi', 'outgoing-table', DRAFT_TRICH_YEU);
    await page
      .getByTestId('outgoing-table')
      .getByRole('link', { name: new RegExp(DRAFT_TRICH_YEU) })
      .first()
      .click();
    const detail = page.getByTestId('outgoing-detail');
    await new OutgoingDetail(page).issueNumber.click();
    await expect(detail).toContainText('Đã cấp số');
    await expect(detail).toContainText('/KH-SNV');
    await chooseCertificate(detail);
    await new OutgoingDetail(page).seal.click();
    await new PinDialog(page).sign(pin('VanthuCoQuan'));
    await expect(detail).toContainText('Đã đóng dấu');
    await new OutgoingDetail(page).publish.click();
    await expect(detail).toContainText('Đã phát hành');
    await shot(page, '05-vanthu-published');
    // What the văn thư sees on Đồng bộ (opened, not pressed): nothing left to send, the publication included.
    await expect(async () => {
      await nav(page, 'Tổng quan').click();
      await nav(page, 'Đồng bộ').click();
      await expect(page.getByTestId('sync-pending')).toHaveText('0', { timeout: 2_000 });
    }).toPass({ timeout: 60_000 });
  });

  await test.step('chuyên viên: the draft sent from Văn bản đi shows that the Giám đốc signed it', async () => {
    await openedUntil(cv.page, 'Văn bản đi', 'outgoing-table', 'Lãnh đạo đã ký');
  });

  await test.step('UBND: the published document arrives at its văn thư; pdfsig and mupdf accept both signatures', async () => {
    const { page } = ubnd;
    // Signed in since the morning: the publication woke their long-poll, which pulled the trục at once.
    await openedUntil(page, 'Văn bản đến', 'incoming-table', DRAFT_TRICH_YEU);
    await shot(page, '06-recipient-arrived');
    const received = (): string => {
      // The profile is encrypted at rest (#19): read as the app reads it, the file handed out in plain.
      const db = openProfileDatabase(ubnd.shell.profileDir);
      try {
        const sha = db
          .prepare(`SELECT file_sha256 FROM incoming_documents WHERE trich_yeu = ?`)
          .pluck()
          .get(DRAFT_TRICH_YEU) as string | null;
        if (sha === null) {
          throw new Error('no file yet');
        }
        return storedFileOutside(ubnd.shell.profileDir, sha);
      } finally {
        db.close();
      }
    };
    const file = received();
    const report = execFileSync('pdfsig', ['-nssdir', `sql:${fixture.pki.nssDir}`, file]).toString('utf8');
    expect(report.match(/Signature is Valid/g)?.length, report).toBe(2);
    expect(report.match(/Certificate is Trusted/g)?.length, report).toBe(2);
    const mupdf = execFileSync('mutool', ['run', 'tests/support/validators/mupdf-check.js', file]).toString('utf8');
    const verdict = JSON.parse(mupdf.split('\n').find((l) => l.startsWith('{')) ?? '{}') as {
      history: number;
      signatures: { signed: boolean; validate?: number }[];
    };
    expect(verdict.history, mupdf).toBe(0);
    expect(
      verdict.signatures.filter((s) => s.signed && s.validate === 0),
      mupdf,
    ).toHaveLength(2);
  });

  await test.step('the server holds each step once', async () => {
    const steps = serverDb(
      (db) =>
        db
          .prepare(`select kind, count(*) as n from office_steps where org = ? group by case_id, kind order by kind`)
          .all(SNV) as { kind: string; n: number }[],
    );
    expect(
      steps.every((s) => s.n === 1),
      JSON.stringify(steps),
    ).toBe(true);
    expect(steps.map((s) => s.kind).sort()).toEqual(
      [
        'assign',
        'complete',
        'draft',
        'issue-number',
        'publish',
        'seal',
        'sign',
        'submit',
        'submit-for-signature',
      ].sort(),
    );
  });
});
