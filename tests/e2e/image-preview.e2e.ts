import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { PNG } from 'pngjs';
import { startShell, type RunningShell } from './shell-host.ts';
import { saveScreen } from './support/artifacts.ts';
import { expectNoSeriousAxeViolations } from './support/axe.ts';

let shell: RunningShell;
let dir: string;

test.beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'vanthu-e2e-images-'));
  shell = await startShell();
});
test.afterAll(async () => shell.stop());

/** A dark blue stroke on a transparent background (or on white when `opaque`). */
function png(name: string, opaque: boolean): string {
  const image = new PNG({ width: 240, height: 90 });
  for (let y = 0; y < image.height; y += 1) {
    for (let x = 0; x < image.width; x += 1) {
      const i = (y * image.width + x) * 4;
      const ink = Math.abs(y - 45 - Math.round(15 * Math.sin(x / 20))) < 3;
      image.data.set(ink ? [10, 30, 140, 255] : [255, 255, 255, opaque ? 255 : 0], i);
    }
  }
  const path = join(dir, name);
  writeFileSync(path, PNG.sync.write(image, { colorType: opaque ? 2 : 6 }));
  return path;
}

test('Cài đặt previews the saved signature image and explains a seal image that cannot be used', async ({ page }) => {
  await page.goto(shell.url);
  await page.getByRole('navigation').getByRole('link', { name: 'Cài đặt' }).click();
  // Chosen with the file chooser (never typed); main keeps a copy in the profile at once.
  await page.getByLabel('Chọn tệp PNG chữ ký lãnh đạo').setInputFiles(png('chu-ky.png', false));
  await expect(page.getByTestId('current-signaturePng')).toContainText('signaturePng-');
  await page.getByLabel('Chọn tệp PNG dấu đỏ của cơ quan').setInputFiles(png('con-dau-nen-trang.png', true));
  await expect(page.getByTestId('current-sealPng')).toContainText('sealPng-');

  await page.getByRole('button', { name: 'Xem trước ảnh chữ ký' }).click();
  const signature = page.getByRole('img', { name: 'Ảnh chữ ký sẽ đóng lên văn bản' });
  await expect(signature).toBeVisible();
  expect(await signature.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBe(240);
  await expect(page.getByTestId('preview-signature')).toContainText('240 × 90 điểm ảnh');

  await page.getByRole('button', { name: 'Xem trước ảnh con dấu' }).click();
  await expect(page.getByTestId('preview-seal')).toContainText('nền trong suốt');
  await expect(page.getByRole('img', { name: 'Ảnh con dấu sẽ đóng lên văn bản' })).toHaveCount(0);
  await expectNoSeriousAxeViolations(page);
  await saveScreen(page, '13-settings-image-preview');
});
