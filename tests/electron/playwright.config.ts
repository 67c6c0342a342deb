import { defineConfig } from '@playwright/test';

/** Playwright's `_electron` suite: runs wherever an Electron binary is installed. */
export default defineConfig({
  testDir: '.',
  testMatch: '**/*.electron.ts',
  timeout: 60_000,
  workers: 1,
  reporter: [['list']],
  outputDir: '../../test-results/electron',
  globalSetup: './report-binary.ts',
});
