import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { startShell, type RunningShell } from './shell-host.ts';
import { nav, openNew } from './support/frame.ts';
import { saveScreen } from './support/artifacts.ts';
import { rpc } from './support/rpc.ts';
import { expectNoSeriousAxeViolations } from './support/axe.ts';
import { becomes } from './support/role.ts';
import { makeSignedFixture, type SignedFixture } from './support/signed-pdf.ts';
import { openProfileDatabase, storedFileOutside } from '../support/profile-at-rest.ts';
import { submitDraftByRpc } from './support/rpc-draft.ts';
import { mupdfCheck, qpdfCheck } from '../support/validators.ts';
import { SettingsPage } from './pages/settings-page.ts';
import { certificateSelect, chooseCertificate, PinDialog } from './pages/pin-dialog.ts';
import { DraftForm } from './pages/draft-form.ts';
import { OutgoingDetail } from './pages/outgoing-detail.ts';

/**
 * The issuing journey in the browser shell (#15): a chuyên viên chooses a PDF and its .docx, a
 * lãnh đạo signs it and five other drafts in one batch with one PIN, the văn thư numbers, seals and
 * publishes. No path is typed anywhere: files are chosen, and every later step takes the stored
 * file. Tools we did not write accept the published file, and a number changed after the seal is a
 * change the seal does not permit, for our verifier and for mupdf alike.
 */
let shell: RunningShell;
let fixture: SignedFixture;
const DRAFT_PDF = join(import.meta.dirname, '../fixtures/pdf/lo-qd-kt-1.pdf');
const DRAFT_DOCX = join(import.meta.dirname, '../fixtures/pdf/lo-qd-kt-1.docx');
/** Drafts made through the form (both files chosen), then more through its channels: six in the batch. */
const CHOSEN = ['Về việc ban hành Quy chế văn thư', 'Về việc ban hành Quy chế lưu trữ'];
const MORE = [3, 4, 5, 6].map((n) => `Về việc ban hành Quy định số ${n} của phép thử ký hàng loạt`);
const BATCH = CHOSEN.length + MORE.length;

test.beforeAll(async () => {
  fixture = makeSignedFixture();
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
  await page.getByRole('button', { name: 'Dò lại thiết bị' }).click();
  await expect(page.getByTestId('token-modules')).toContainText('VanthuCoQuan');
});

// real time: the host checks dates against its own clock; a month ahead is always to come.
const answerBy = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);

test('a chuyên viên writes two drafts, each from a chosen PDF and its .docx, and submits them', async ({ page }) => {
  await becomes(page, shell.url, 'Chuyên viên');
  for (const trichYeu of CHOSEN) {
    await nav(page, 'Văn bản đi').click();
    await openNew(page);
    await new DraftForm(page).fill({
      tenLoai: 'Quyết định',
      kyHieu: 'QĐ-UBND',
      coQuanBanHanh: 'Ủy ban nhân dân tỉnh X',
      trichYeu,
      nguoiKy: 'Nguyễn Văn A',
      recipients: '000.00.01.H49 | Sở Tài chính tỉnh X',
      // The recipients are to answer within a month: the published document waits for their reply.
      hanTraLoi: answerBy,
      // Chosen like a person does (the file input), streamed to the host: the page never holds a path.
      pdf: DRAFT_PDF,
      nguon: DRAFT_DOCX,
    });
    await expectNoSeriousAxeViolations(page);
    await page.keyboard.press('Control+s');
    const detail = page.getByTestId('outgoing-detail');
    await expect(detail).toContainText('Dự thảo');
    // Stored with its files: the draft's thể thức shows at once, before trình ký.
    await expect(detail.getByTestId('the-thuc-findings')).toContainText('Tiêu ngữ');
    await new OutgoingDetail(page).submit.click();
    await expect(detail).toContainText('Trình ký');
  }
  // Where the blue signature and the red seal will go on the stored draft, read through main.
  const preview = page.getByTestId('placement-preview');
  await preview.getByRole('button', { name: 'Xem trước vị trí' }).click();
  await expect(preview.getByTestId('placement-personal')).toBeVisible();
  await expect(preview.getByTestId('placement-organization')).toBeVisible();
  await expect(preview.getByRole('img', { name: 'Trang 1 của văn bản' })).toBeVisible();
  const leader = await preview.getByTestId('placement-personal').boundingBox();
  const seal = await preview.getByTestId('placement-organization').boundingBox();
  // ND30: the seal overlaps the left of the leader's signature, on the same lines.
  expect(leader !== null && seal !== null && seal.x < leader.x && seal.x + seal.width > leader.x).toBe(true);
  await expectNoSeriousAxeViolations(page);
  await saveScreen(page, '30-outgoing-draft-files');
  // Four more drafts for the leader's batch, through the channels the form calls (files streamed
  // to the host in chunks, as the file input does), so the batch holds six.
  for (const trichYeu of MORE) {
    await submitDraftByRpc(
      page,
      { pdf: DRAFT_PDF, source: DRAFT_DOCX },
      {
        tenLoai: 'Quyết định',
        kyHieu: 'QĐ-UBND',
        coQuanBanHanh: 'Ủy ban nhân dân tỉnh X',
        trichYeu,
        nguoiKy: 'Nguyễn Văn A',
        recipients: [{ maDinhDanh: '000.00.01.H49', ten: 'Sở Tài chính tỉnh X' }],
      },
    );
  }
});

test('main refuses a chuyên viên who tries to sign, and the screen shows its reason', async ({ page }) => {
  await page.goto(shell.url);
  await nav(page, 'Ký duyệt').click();
  const queue = page.getByTestId('signing-queue');
  await queue.getByRole('checkbox').first().check();
  await chooseCertificate(page);
  await page.keyboard.press('Control+Enter');
  const pin = fixture.pki.softhsm.tokens.find((t) => t.label === 'VanthuLanhDao')?.pin ?? '';
  await new PinDialog(page).sign(pin);
  const notice = page.getByTestId('error-center').locator('[data-code="ROLE_NOT_ALLOWED"]');
  await expect(notice).toContainText('Chuyên viên không được ký duyệt văn bản đi.');
  // Not retryable: trying again cannot help, another person must act.
  await expect(notice.getByRole('button', { name: 'Thử lại' })).toHaveCount(0);
  // A new PIN cannot change a role: the PIN dialog closed.
  await expect(page.getByTestId('pin-dialog')).toBeHidden();
  await saveScreen(page, '39-signing-role-refused');
});

test('the leader signs the chosen draft and five others in one batch with one PIN; the PIN is not kept', async ({
  page,
}) => {
  await becomes(page, shell.url, 'Lãnh đạo');
  await nav(page, 'Ký duyệt').click();
  const queue = page.getByTestId('signing-queue');
  for (const trichYeu of [...CHOSEN, ...MORE]) {
    await expect(queue).toContainText(trichYeu);
  }
  await expect(queue.getByRole('checkbox')).toHaveCount(BATCH);
  // Nothing to choose or type per document: each is signed from its stored draft.
  await expect(queue.getByRole('textbox')).toHaveCount(0);
  // One click ticks the whole queue, and the same button then offers to untick it.
  await queue.getByRole('button', { name: 'Chọn tất cả' }).click();
  for (const box of await queue.getByRole('checkbox').all()) {
    await expect(box).toBeChecked();
  }
  await expect(queue.getByRole('button', { name: 'Bỏ chọn tất cả' })).toBeVisible();
  // Before signing, each draft's thể thức (NĐ 30 Phụ lục I): warnings naming their source, never a block.
  const theThuc = page.getByTestId('the-thuc-panel');
  await expect(theThuc.getByTestId('the-thuc-document')).toHaveCount(BATCH);
  await expect(theThuc.locator('li[data-rule="tieu-ngu-gach"]')).toHaveCount(BATCH);
  await expect(theThuc.getByTestId('the-thuc-findings').first()).toContainText('Phụ lục I');
  // Each finding on the page the leader is about to sign: the seeded defect (no rule under the
  // tiêu ngữ) is boxed where the tiêu ngữ stands, top right of page 1, once its page has shown.
  const firstDraft = theThuc.getByTestId('the-thuc-document').first();
  const pageImage = firstDraft.getByRole('img', { name: /^Trang 1 của dự thảo/ });
  await expect(pageImage).toBeVisible();
  await firstDraft.locator('li[data-rule="tieu-ngu-gach"]').getByTestId('the-thuc-show').click();
  const defectBox = firstDraft.locator('[data-testid="the-thuc-box"][data-rule="tieu-ngu-gach"]');
  await expect(defectBox).toHaveAttribute('data-selected', 'true');
  await expect(defectBox).toBeVisible();
  // Measured once the page has settled: six previews load their images and scroll their chosen
  // boxes into view, so a first measurement may catch the layout moving.
  await expect(async () => {
    const pageRect = await pageImage.boundingBox();
    const boxRect = await defectBox.boundingBox();
    expect(pageRect).not.toBeNull();
    expect(boxRect).not.toBeNull();
    if (pageRect !== null && boxRect !== null) {
      expect(boxRect.x + boxRect.width / 2).toBeGreaterThan(pageRect.x + pageRect.width / 2);
      expect(boxRect.y).toBeGreaterThan(pageRect.y);
      expect(boxRect.y + boxRect.height).toBeLessThan(pageRect.y + pageRect.height / 4);
    }
  }).toPass({ timeout: 10_000 });
  await saveScreen(page, '40-signing-the-thuc');
  await chooseCertificate(page);
  await expect(certificateSelect(page).locator('option:checked')).toContainText('Nguyễn Văn A');
  await page.keyboard.press('Control+Enter');
  const dialog = page.getByTestId('pin-dialog');
  await expect(dialog).toContainText(`${BATCH} văn bản`);
  await expect(page.getByTestId('preflight-facts')).toContainText('Nguyễn Văn A');
  await saveScreen(page, '40-signing-pin');
  const pin = fixture.pki.softhsm.tokens.find((t) => t.label === 'VanthuLanhDao')?.pin ?? '';
  await new PinDialog(page).sign(pin);
  await expect(page.getByTestId('signed')).toContainText(`Đã ký ${BATCH} văn bản.`);
  // One batch, one PIN: every draft of the queue is now signed, none left waiting.
  await expect(queue.getByRole('checkbox')).toHaveCount(0);
  const stored = await page.evaluate(() => JSON.stringify({ ...sessionStorage }) + JSON.stringify({ ...localStorage }));
  expect(stored).not.toContain(pin);
  const fields = await page.locator('input').evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
  expect(fields).not.toContain(pin);
  await saveScreen(page, '41-signing-after');
});

test('the văn thư numbers, seals and publishes the stored file; pdfsig, mupdf and qpdf accept it', async ({ page }) => {
  // No server in this spec: the administrator gives the sổ đi an open lease (one workstation), by CLI.
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
  await expect(page.getByTestId('outgoing-table').getByRole('link')).toHaveCount(BATCH);
  // The draft the chuyên viên made with the file chooser.
  await page.getByTestId('outgoing-table').getByRole('link', { name: CHOSEN[0] }).click();
  const detail = page.getByTestId('outgoing-detail');
  await expect(detail).toContainText('Lãnh đạo đã ký');
  await new OutgoingDetail(page).issueNumber.click();
  await expect(detail).toContainText('Đã cấp số');
  await expect(detail).toContainText('/QĐ-UBND');
  await chooseCertificate(detail);
  await expect(certificateSelect(detail).locator('option:checked')).toContainText('ỦY BAN');
  await new OutgoingDetail(page).seal.click();
  await expect(page.getByTestId('preflight-facts')).toContainText('ỦY BAN NHÂN DÂN TỈNH X');
  const pin = fixture.pki.softhsm.tokens.find((t) => t.label === 'VanthuCoQuan')?.pin ?? '';
  await new PinDialog(page).sign(pin);
  await expect(detail).toContainText('Đã đóng dấu');
  await new OutgoingDetail(page).publish.click();
  await expect(detail).toContainText('Đã phát hành');
  await saveScreen(page, '32-outgoing-published');
  // The published file is the one the store keeps for the document.
  const db = openProfileDatabase(shell.profileDir);
  const row = db
    .prepare(
      `SELECT file_sha256 AS sha, trich_yeu AS trichYeu, ngay_ban_hanh AS ngay FROM outgoing_documents
              WHERE state = 'da-phat-hanh'`,
    )
    .get() as { sha: string; trichYeu: string; ngay: string };
  db.close();
  expect(row.trichYeu).toBe(CHOSEN[0]);
  const published = storedFileOutside(shell.profileDir, row.sha);
  const report = execFileSync('pdfsig', ['-nssdir', `sql:${fixture.pki.nssDir}`, published]).toString('utf8');
  expect(report.match(/Signature is Valid/g)?.length).toBe(2);
  // mupdf's DocMDP/FieldMDP-aware change check: every revision after a signature is permitted.
  const mupdf = mupdfCheck(published);
  expect(mupdf.history, JSON.stringify(mupdf)).toBe(0);
  expect(mupdf.signatures.filter((sig) => sig.signed).map((sig) => sig.validate)).toEqual([0, 0]);
  const qpdf = qpdfCheck(published);
  expect(qpdf.clean, qpdf.output).toBe(true);

  // Someone changes the number after the seal (as form filling, outside the app): the seal locked
  // that field, so our verifier and mupdf both report a change the organization did not permit.
  // The date is moved a day too: both locked values change (the tool re-draws both fields, and a
  // redrawn field whose value stays is a change our verifier refuses even under P=2).
  const [y, m, d] = row.ngay.split('-').map(Number) as [number, number, number];
  // fixed-date: the day after the record's own ngày ban hành, whatever today is.
  const nextDay = new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
  const renumbered = join(mkdtempSync(join(tmpdir(), 'vanthu-e2e-renumber-')), 'sửa số sau khi đóng dấu.pdf');
  execFileSync(
    process.execPath,
    [
      'main/cli/bin.ts',
      'write-number',
      '--in',
      published,
      '--out',
      renumbered,
      '--so',
      '99/QĐ-UBND',
      '--date',
      nextDay,
    ],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  const verified = spawnSync(
    process.execPath,
    ['main/cli/bin.ts', 'verify', renumbered, '--offline', '--json', '--trust', fixture.pki.chainPem],
    { encoding: 'utf8', env: { ...process.env, VANTHU_PROFILE: mkdtempSync(join(tmpdir(), 'vanthu-e2e-verify-')) } },
  );
  const ours = JSON.parse(verified.stdout) as {
    verdict: string;
    signatures: Array<{ field: string; changesAfter: string }>;
  };
  // The leader's P=2 permits form filling; the seal's lock does not.
  expect(
    ours.signatures.map((sig) => `${sig.field}: ${sig.changesAfter}`),
    verified.stdout,
  ).toEqual(['ChuKy_NguoiKy: permitted', 'ChuKy_CoQuan: not-permitted']);
  expect(ours.verdict).toBe('invalid');
  const theirs = mupdfCheck(renumbered);
  // mupdf agrees signature by signature (validateSignature: 0 = no disallowed change after it).
  expect(theirs.signatures.filter((sig) => sig.signed).map((sig) => `${sig.name}: ${sig.validate === 0}`)).toEqual([
    'ChuKy_NguoiKy: true',
    'ChuKy_CoQuan: false',
  ]);
  expect(theirs.history).not.toBe(0);
});

test('a reply received on paper is linked to the published document, which then waits for nothing', async ({
  page,
}) => {
  await becomes(page, shell.url, 'Văn thư');
  const read = (): { id: string; dueAt: string | null } => {
    const db = openProfileDatabase(shell.profileDir);
    const row = db.prepare(`SELECT id, due_at AS dueAt FROM outgoing_documents WHERE state = 'da-phat-hanh'`).get() as {
      id: string;
      dueAt: string | null;
    };
    db.close();
    return row;
  };
  expect(read().dueAt).not.toBeNull();
  const { document } = await rpc<{ document: { id: string } }>(page, 'incoming.add', {
    input: {
      tenLoai: 'Công văn',
      so: '21',
      kyHieu: 'STC-NS',
      // real time: a past issuing day is valid on any host clock.
      ngayBanHanh: '2026-01-05',
      coQuanBanHanh: 'Sở Tài chính tỉnh X',
      trichYeu: 'Về việc trả lời Quyết định ban hành Quy chế',
      source: 'giay',
    },
  });
  // The document's page, as its row in Văn bản đến links to it.
  await page.evaluate((id) => {
    location.hash = `#/van-ban-den/${encodeURIComponent(id)}`;
  }, document.id);
  await expect(page.getByTestId('incoming-detail')).toContainText('Về việc trả lời Quyết định ban hành Quy chế');
  const link = page.getByTestId('reply-link');
  await link.getByLabel('Văn bản này trả lời cho').selectOption(read().id);
  await link.getByRole('button', { name: 'Lưu liên kết trả lời' }).click();
  await expect.poll(() => read().dueAt).toBeNull();
  await expectNoSeriousAxeViolations(page);
});
