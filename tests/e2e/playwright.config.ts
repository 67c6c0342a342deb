import { defineConfig } from '@playwright/test';

function withoutFakeTime(env: NodeJS.ProcessEnv): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) {
    if (value !== undefined && key !== 'LD_PRELOAD' && !key.startsWith('FAKETIME')) {
      kept[key] = value;
    }
  }
  return kept;
}

/**
 * End-to-end tests of the renderer in Debian's Chromium, through the browser shell (the same
 * handler table as Electron). Playwright's own browser download is not reachable here.
 */
export default defineConfig({
  testDir: '.',
  testMatch: '**/*.e2e.ts',
  timeout: 60_000,
  workers: 1,
  // Two processes, a faulty server and a browser on two cores: a rare timing slip is retried once,
  // and the summary still names the test flaky (scripts/test.sh). Its failed run's trace is kept
  // (test-results/e2e/…/trace.zip, `npx playwright show-trace`), so the slip can be read and fixed.
  retries: 1,
  reporter: [['list']],
  outputDir: '../../test-results/e2e',
  use: {
    browserName: 'chromium',
    trace: 'retain-on-first-failure',
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    launchOptions: {
      executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
      // Chromium stalls or aborts under libfaketime (scripts/test-future.sh), so the browser keeps
      // the real clock while the host it talks to — the app under test — lives in the shifted year.
      // A desktop session always runs in a UTF-8 locale; a fresh CI machine starts in C, where
      // Chromium cannot open a chosen file whose name is Vietnamese ("Bản quét QĐ 15.pdf").
      env: { ...withoutFakeTime(process.env), LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8' },
    },
  },
});
