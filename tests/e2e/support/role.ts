import { expect, type Page } from '@playwright/test';
import { vi } from '../../../renderer/i18n/vi.ts';

export type RoleLabel = 'Chuyên viên' | 'Lãnh đạo' | 'Văn thư';

/**
 * The workstation's person takes a role in Cài đặt: main enforces it on every step of the issuing
 * journey, so a spec that drafts, signs and issues changes role between the steps.
 */
export async function becomes(page: Page, url: string, role: RoleLabel): Promise<void> {
  await page.goto(url);
  await page.getByRole('navigation').getByRole('link', { name: vi.nav.settings }).click();
  await page.getByLabel(vi.issuing.profile.role, { exact: true }).selectOption({ label: role });
  await page.getByRole('button', { name: vi.issuing.profile.save }).click();
  await expect(page.getByTestId('role-saved')).toContainText(role);
}
