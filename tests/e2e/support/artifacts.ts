import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';

const DIR = 'tests/artifacts/e2e';

/** Save a full-page screenshot of a screen as a test artifact (issue #9 asks for one per screen). */
export async function saveScreen(page: Page, name: string): Promise<void> {
  mkdirSync(DIR, { recursive: true });
  await page.screenshot({ path: `${DIR}/${name}.png`, fullPage: true });
}
