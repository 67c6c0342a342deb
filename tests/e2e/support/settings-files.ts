import { expect, type Page } from '@playwright/test';

/**
 * Trust a root (or chain) file the way a person does in Cài đặt: with the chooser, never by typing
 * where it is. Main keeps a copy in the profile and lists it at once; no Lưu needed.
 */
export async function chooseTrustRoot(page: Page, file: string): Promise<void> {
  const roots = page.getByTestId('trust-roots');
  const before = await roots.getByRole('listitem').count();
  await page.getByLabel('Thêm chứng thư tin cậy từ tệp (.pem, .crt, .cer)').setInputFiles(file);
  await expect(roots.getByRole('listitem')).toHaveCount(before + 1);
}
