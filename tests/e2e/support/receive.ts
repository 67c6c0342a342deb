import { expect, type Locator, type Page } from '@playwright/test';

/**
 * Tiếp nhận as the clerk does it now: wait for the arrival check's verdict, then "Tiếp nhận" when
 * it is hợp lệ, or "Vẫn tiếp nhận, ghi lý do…" with a reason when it could not be concluded (the
 * test PKI has no OCSP responder, so revocation stays unknown).
 */
export async function receiveChecked(
  page: Page,
  detail: Locator,
  reason = 'Đã xác nhận với nơi gửi qua điện thoại',
): Promise<void> {
  const verdict = detail.getByTestId('arrival-verdict');
  await expect(verdict).not.toHaveText('Đang kiểm tra…', { timeout: 30_000 });
  await expect(async () => {
    // The list and the detail refresh when the check ends; the button follows the verdict.
    await page.reload();
    await expect(detail.getByTestId('arrival-verdict')).not.toHaveText('Đang kiểm tra…');
  }).toPass({ timeout: 30_000 });
  const anyway = detail.getByRole('button', { name: 'Vẫn tiếp nhận, ghi lý do…' });
  if (await anyway.isVisible()) {
    await anyway.click();
    const dialog = page.getByRole('dialog', { name: 'Vẫn tiếp nhận văn bản chưa xác định được' });
    await dialog.getByLabel('Lý do vẫn tiếp nhận').fill(reason);
    await dialog.getByRole('button', { name: 'Vẫn tiếp nhận', exact: true }).click();
  } else {
    await detail.getByRole('button', { name: 'Tiếp nhận', exact: true }).click();
  }
  await expect(detail).toContainText('Đã tiếp nhận');
}
