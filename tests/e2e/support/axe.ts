import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** Assert the page has no accessibility violation of serious or critical impact (issue #9). */
export async function expectNoSeriousAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(serious, 'axe: serious/critical violations').toEqual([]);
}
