import type { Page } from 'playwright-core';

/**
 * Times a gesture in the page itself, from the person's next click to the frame after `text`
 * appears in the element `testId`. Playwright's `waitFor` cannot: it polls with growing pauses
 * (0, 20, 50, 100, 100, then every 500 ms), so what it measures is which poll came first after
 * the screen changed, a step of up to half a second. Arm before the click; read after waiting.
 *
 * The page's side is a script (this file is checked without the DOM's types): a click listener
 * capturing on the document, before the screen's own handler starts any work, and an observer
 * that notes the frame after the text is there.
 */
const ARM = `(([id, wanted]) => {
  const clock = { clickAt: 0, seenAt: 0 };
  window.vanthuScreenClock = clock;
  document.addEventListener('click', () => { clock.clickAt = performance.now(); }, { capture: true, once: true });
  const shown = () => [...document.querySelectorAll('[data-testid="' + id + '"]')].some((e) => (e.textContent || '').includes(wanted));
  new MutationObserver((_, observer) => {
    if (clock.clickAt > 0 && shown()) {
      observer.disconnect();
      requestAnimationFrame(() => { clock.seenAt = performance.now(); });
    }
  }).observe(document.body, { subtree: true, childList: true, characterData: true });
})`;

const READ = `(() => {
  const clock = window.vanthuScreenClock;
  return clock !== undefined && clock.seenAt > 0 ? clock.seenAt - clock.clickAt : null;
})()`;

export async function armScreenClock(page: Page, testId: string, text: string): Promise<void> {
  await page.evaluate(`${ARM}(${JSON.stringify([testId, text])})`);
}

/** Milliseconds from the armed click to the text on screen (waits for the frame that shows it). */
export async function readScreenClock(page: Page): Promise<number> {
  const handle = await page.waitForFunction(READ);
  const ms = await handle.jsonValue();
  if (typeof ms !== 'number') {
    throw new Error('the screen clock gave no time');
  }
  return ms;
}
