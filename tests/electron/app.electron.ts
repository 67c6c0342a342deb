import { expect, test } from '@playwright/test';
import { _electron as electron } from 'playwright-core';
import { electronBinary } from './electron-binary.ts';

const binary = electronBinary();

test.describe('Electron shell', () => {
  // Skipped with the reason printed in the report, because a pass here would be a lie.
  test.skip('missing' in binary, 'missing' in binary ? binary.missing : ''); // skipped because there is no binary; the reason is printed

  test('opens the first screen with the hardened preload bridge', async () => {
    if (!('path' in binary)) {
      return;
    }
    const app = await electron.launch({ executablePath: binary.path, args: ['dist/electron/main.cjs'] });
    const window = await app.firstWindow();
    await expect(window.getByTestId('app-info')).toContainText('Ứng dụng máy tính');
    const exposed = await window.evaluate(() => ({
      hasApi: typeof (window as unknown as { vanthu?: unknown }).vanthu === 'object',
      hasRequire: typeof (window as unknown as { require?: unknown }).require !== 'undefined',
      hasProcess: typeof (window as unknown as { process?: unknown }).process !== 'undefined',
    }));
    expect(exposed).toEqual({ hasApi: true, hasRequire: false, hasProcess: false });
    await app.close();
  });
});
