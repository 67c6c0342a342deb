import { expect, test } from '@playwright/test';
import { startShell, type RunningShell } from './shell-host.ts';
import { openNew } from './support/frame.ts';
import { saveScreen } from './support/artifacts.ts';
import { expectNoSeriousAxeViolations } from './support/axe.ts';
import { becomes } from './support/role.ts';
import { DraftForm } from './pages/draft-form.ts';
import { OutgoingDetail } from './pages/outgoing-detail.ts';

let shell: RunningShell;

test.beforeAll(async () => {
  shell = await startShell();
});
test.afterAll(async () => shell.stop());

test('the leader returns a draft under trình ký with a comment; the drafter reads it and submits again', async ({
  page,
}) => {
  await page.goto(shell.url);
  const nav = (name: string) => page.getByRole('navigation').getByRole('link', { name });
  await nav('Cài đặt').click();
  await page.getByLabel('Mã định danh cơ quan').fill('000.00.00.H49');
  await page.getByLabel('Tên cơ quan', { exact: true }).fill('Ủy ban nhân dân tỉnh X');
  await page.getByRole('button', { name: 'Lưu', exact: true }).click();
  await expect(page.getByTestId('settings-saved')).toBeVisible();

  // Each step in its role (main enforces them): the chuyên viên drafts, the lãnh đạo returns.
  await becomes(page, shell.url, 'Chuyên viên');
  await nav('Văn bản đi').click();
  await openNew(page);
  await new DraftForm(page).fill({
    tenLoai: 'Công văn',
    kyHieu: 'UBND-VP',
    coQuanBanHanh: 'Ủy ban nhân dân tỉnh X',
    trichYeu: 'V/v rà soát thủ tục hành chính',
    recipients: '000.00.01.H49 | Sở Tài chính tỉnh X',
  });
  await page.keyboard.press('Control+s');
  const detail = page.getByTestId('outgoing-detail');
  // Nothing to return while it is still a draft.
  await expect(detail.getByRole('button', { name: 'Trả lại dự thảo' })).toHaveCount(0);
  await new OutgoingDetail(page).submit.click();
  await expect(detail).toContainText('Trình ký');
  // The drafter cannot return her own draft: the workflow table gives trả lại dự thảo to the leader
  // only, so her screen offers no such button (main's refusal is in tests/integration/ipc-store/workflow-ipc.test.ts).
  await expect(detail.getByRole('button', { name: 'Trả lại dự thảo' })).toHaveCount(0);
  await becomes(page, shell.url, 'Lãnh đạo');
  await nav('Văn bản đi').click();
  await page.getByTestId('outgoing-table').getByRole('link').first().click();
  await detail.getByRole('button', { name: 'Trả lại dự thảo' }).click();
  const dialog = page.getByRole('dialog', { name: 'Trả lại dự thảo cho người soạn' });
  await dialog.getByRole('button', { name: 'Trả lại', exact: true }).click();
  await expect(dialog.getByText('Trường này bắt buộc.')).toBeVisible();
  await dialog.getByLabel('Ý kiến của lãnh đạo').fill('Bổ sung thời hạn báo cáo.');
  await dialog.getByRole('button', { name: 'Trả lại', exact: true }).click();
  await expect(detail).toContainText('Dự thảo');
  await expect(page.getByTestId('return-comments')).toContainText('Bổ sung thời hạn báo cáo.');
  await expectNoSeriousAxeViolations(page);
  await saveScreen(page, '33-outgoing-returned');
  await becomes(page, shell.url, 'Chuyên viên');
  await nav('Văn bản đi').click();
  await page.getByTestId('outgoing-table').getByRole('link').first().click();
  await expect(page.getByTestId('return-comments')).toContainText('Bổ sung thời hạn báo cáo.');
  await new OutgoingDetail(page).submit.click();
  await expect(detail).toContainText('Trình ký');
});
