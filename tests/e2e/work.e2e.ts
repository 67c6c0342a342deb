import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { WorkingCalendar } from '../../main/domain/calendar/working-days.ts';
import { vietnamDate } from '../../main/domain/vietnam-time.ts';
import { startShell, type RunningShell } from './shell-host.ts';
import { saveScreen } from './support/artifacts.ts';
import { rpc } from './support/rpc.ts';

/*
 * Deadlines and Tổng quan through the browser shell (issue #20). The host is the app under test:
 * its clock decides what is late. The second half restarts it on the same profile under
 * libfaketime, on the next working day, exactly as `npm run test:future` moves a whole run.
 */
const FAKETIME_LIB = ['/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1', '/usr/lib/faketime/libfaketime.so.1'].find(
  (p) => existsSync(p),
);
const profileDir = mkdtempSync(join(tmpdir(), 'vanthu-e2e-work-'));
let shell: RunningShell;

test.describe.configure({ mode: 'serial' });
test.beforeAll(async () => {
  shell = await startShell({ VANTHU_PROFILE: profileDir, VANTHU_NOTICE_INTERVAL_MS: '300' });
});
test.afterAll(async () => shell.stop());

function paper(so: string, doKhan: number, trichYeu: string): Record<string, unknown> {
  return {
    input: {
      tenLoai: 'Công văn',
      so,
      kyHieu: 'UBND-VP',
      // real time: the host checks ngày ban hành against its own today; a past day is always valid.
      ngayBanHanh: '2026-01-05',
      coQuanBanHanh: 'Ủy ban nhân dân tỉnh Thái Nguyên',
      trichYeu,
      source: 'giay',
      doKhan,
    },
  };
}

test('an urgent arrival notifies once; Tổng quan counts what the lists show', async ({ page }) => {
  // Record system notifications the page raises (Chromium's own would need a display).
  await page.addInitScript(() => {
    const shown: string[] = [];
    (window as unknown as { shownNotices: string[] }).shownNotices = shown;
    class Recorder {
      static permission = 'granted';
      constructor(title: string) {
        shown.push(title);
      }
    }
    (window as unknown as { Notification: unknown }).Notification = Recorder;
  });
  await page.goto(shell.url);
  await expect(page.getByTestId('app-info')).toBeVisible();
  await rpc(page, 'settings.update', { organization: { maDinhDanh: '000.00.12.H55', name: 'Sở Tư pháp' } });
  await rpc(page, 'incoming.add', paper('11', 2, 'Về việc khắc phục hậu quả mưa lũ'));
  await rpc(page, 'incoming.add', paper('12', 0, 'Về việc báo cáo tình hình tháng'));
  await rpc(page, 'incoming.add', paper('13', 0, 'Về việc cử cán bộ dự họp'));

  const notices = page.getByTestId('desktop-notices');
  await expect(notices).toContainText('Văn bản thượng khẩn vừa đến');
  await expect(notices).toContainText('Về việc khắc phục hậu quả mưa lũ');
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { shownNotices: string[] }).shownNotices))
    .toEqual(['Văn bản thượng khẩn vừa đến']);
  // No nagging: the next ticks and a reload announce nothing again.
  await page.reload();
  await page.waitForTimeout(1_500);
  await expect(page.getByTestId('desktop-notices')).toHaveCount(0);

  // Tổng quan (văn thư by default): three waiting for tiếp nhận, the urgent one first in the list.
  const waiting = page.getByTestId('queue-cho-tiep-nhan');
  await expect(waiting).toContainText('3');
  await saveScreen(page, '60-tong-quan');
  await waiting.click();
  await expect(page.getByTestId('preset-notice')).toBeVisible();
  const rows = page.getByTestId('incoming-table').locator('tbody tr');
  await expect(rows).toHaveCount(3);
  await expect(rows.first()).toContainText('Về việc khắc phục hậu quả mưa lũ');
  await expect(rows.first().getByTestId('due-badge')).toHaveText('Xử lý ngay');
  // Nothing is late yet: the queue and its list agree on zero.
  await page.goto(shell.url);
  await expect(page.getByTestId('queue-qua-han')).toContainText('0');

  // Sao lưu ngay writes a backup into the profile and the state says when.
  await page.getByTestId('backup-now').click();
  await expect(page.getByTestId('backup-done')).toBeVisible();
  await expect(page.getByTestId('backup-state')).toContainText('Lần sao lưu gần nhất');
});

test('left overnight, the urgent arrival shows late the next working day (host clock moved by libfaketime)', async ({
  page,
}) => {
  test.skip(FAKETIME_LIB === undefined, 'requires libfaketime (apt-get install faketime, as scripts/setup.sh does)');
  await shell.stop();
  // real time: the documents were registered by the host on its own today; the next working day is computed from it.
  const calendar = new WorkingCalendar();
  const arrival = calendar.workingDayOnOrAfter(vietnamDate(new Date()));
  const nextDay = calendar.nextWorkingDay(arrival);
  shell = await startShell({
    VANTHU_PROFILE: profileDir,
    LD_PRELOAD: FAKETIME_LIB ?? '',
    FAKETIME: `@${nextDay} 09:00:00`,
    FAKETIME_DONT_FAKE_MONOTONIC: '1',
    TZ: 'Asia/Ho_Chi_Minh',
  });
  await page.goto(shell.url);
  const late = page.getByTestId('queue-qua-han');
  await expect(late).toContainText('1');
  await late.click();
  const rows = page.getByTestId('incoming-table').locator('tbody tr');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Về việc khắc phục hậu quả mưa lũ');
  await expect(rows.first().getByTestId('due-badge')).toHaveText('Quá hạn');
  // The others are due today: "trong ngày, chậm nhất là ngày làm việc tiếp theo".
  await page.getByRole('link', { name: 'Xem tất cả' }).click();
  await expect(page.getByTestId('incoming-table').getByTestId('due-badge')).toHaveText([
    'Quá hạn',
    'Đến hạn hôm nay',
    'Đến hạn hôm nay',
  ]);
  await saveScreen(page, '61-qua-han');
});
