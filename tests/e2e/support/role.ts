import { expect, type Page } from '@playwright/test';

export type RoleLabel = 'Chuyên viên' | 'Lãnh đạo' | 'Văn thư';

/**
 * The workstation's person takes a role in Cài đặt: main enforces it on every step of the issuing
 * journey, so a spec that drafts, signs and issues changes role between the steps.
 */
export async function becomes(page: Page, url: string, role: RoleLabel): Promise<void> {
  await page.goto(url);
  await page.getByRole('navigation').getByRole('link', { name: 'Cài đặt' }).click();
  await page.getByLabel('Vai trò', { exact: true }).selectOption({ label: role });
  await page.getByRole('button', { name: 'Lưu vai trò' }).click();
  await expect(page.getByTestId('role-saved')).toContainText(role);
}
