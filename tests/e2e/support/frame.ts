import { expect, type Locator, type Page } from '@playwright/test';

/** A section's link in the sidebar, as a person finds it by its name. */
export function nav(page: Page, name: string): Locator {
  return page.getByRole('navigation').getByRole('link', { name });
}

/**
 * Alt+N on the section the page shows. The key goes only once the section's own "new" button
 * (the one Alt+N stands for) is on screen: a key pressed while the route is still being replaced
 * reaches the section that is leaving, as it would for a person, and the spec would wait for a form
 * that was never opened.
 */
export async function openNew(page: Page): Promise<void> {
  await expect(page.locator('main [aria-keyshortcuts="Alt+N"]').first()).toBeVisible();
  await page.keyboard.press('Alt+n');
}
