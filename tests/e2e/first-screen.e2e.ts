import { mkdirSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { startShell, type RunningShell } from './shell-host.ts';

let shell: RunningShell;

test.beforeAll(async () => {
  shell = await startShell();
});
test.afterAll(async () => shell.stop());

test('the first screen shows what is running, from the real host', async ({ page }) => {
  await page.goto(shell.url);
  const info = page.getByTestId('app-info');
  await expect(info).toContainText('Trình duyệt');
  await expect(info).toContainText(shell.profileDir);
  await expect(info).toContainText('Chưa khởi tạo');
  // The secret left the address bar as soon as the bridge stored it.
  expect(page.url()).not.toContain('#s=');
  mkdirSync('tests/artifacts/e2e', { recursive: true });
  await page.screenshot({ path: 'tests/artifacts/e2e/01-first-screen.png', fullPage: true });
});

test('a page from another origin cannot call the host', async ({ page }) => {
  await page.goto('about:blank');
  const status = await page.evaluate(async (origin) => {
    try {
      const response = await fetch(`${origin}/rpc`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ channel: 'app.getInfo', request: {} }),
      });
      return response.status;
    } catch {
      return 'blocked';
    }
  }, shell.origin);
  expect(status === 'blocked' || status === 403).toBe(true);
});
