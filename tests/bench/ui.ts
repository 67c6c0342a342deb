import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { chromium } from 'playwright-core';
import { startShell } from '../e2e/shell-host.ts';

/*
 * UI benchmark in the browser shell and Debian's Chromium (issue #9):
 *  1. first screen interactive: navigation start → the overview shows the host's data
 *     (the renderer's `vanthu:first-screen` mark). Baseline in the same run: Chromium's own
 *     load event for the same page, i.e. what any page of this size costs before React works.
 *  2. page 1 of a 200-page PDF rendered by pdf.js: file chosen → page 1 on the canvas (the
 *     `vanthu:pdf-page-1` measure). Peer in the same run: poppler `pdftoppm` rendering page 1.
 * Goals: ≤ 1.5 s and ≤ 400 ms. Run after `npm run build`: node tests/bench/ui.ts [runs]
 */
const RUNS = Number(process.argv[2] ?? '7');
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const ms = (x: number): string => `${x.toFixed(0)} ms`;

function make200PagePdf(dir: string): string {
  const source = 'tests/fixtures/pdf/lo-qd-kt-1.pdf';
  const pages = Number(execFileSync('qpdf', ['--show-npages', source]).toString().trim());
  const copies = Math.ceil(200 / pages);
  const out = join(dir, 'van-ban-200-trang.pdf');
  const args = ['--empty', '--pages', ...Array.from({ length: copies }, () => [source, '1-z']).flat(), '--', out];
  execFileSync('qpdf', args);
  const trimmed = join(dir, 'van-ban-200.pdf');
  execFileSync('qpdf', ['--empty', '--pages', out, '1-200', '--', trimmed]);
  return trimmed;
}

const dir = mkdtempSync(join(tmpdir(), 'vanthu-bench-ui-'));
const pdf = make200PagePdf(dir);
const npages = execFileSync('qpdf', ['--show-npages', pdf]).toString().trim();
const shell = await startShell();
const browser = await chromium.launch({
  executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
});
try {
  const firstScreen: number[] = [];
  const loadEvent: number[] = [];
  const pageOne: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(shell.url);
    await page.getByTestId('app-info').waitFor();
    const [mark, load] = await page.evaluate(() => {
      // Runs in Chromium; typed through a cast because this script compiles without the DOM library.
      const entries = performance.getEntriesByType as unknown as (type: string) => { loadEventEnd: number }[];
      const nav = entries.call(performance, 'navigation')[0];
      return [performance.getEntriesByName('vanthu:first-screen')[0]?.startTime ?? NaN, nav?.loadEventEnd ?? NaN];
    });
    firstScreen.push(mark);
    loadEvent.push(load);

    await page.goto(`${shell.origin}/#/van-ban-den/moi`);
    await page.getByTestId('pdf-viewer').waitFor();
    await page.locator('[data-testid=pdf-viewer] input[type=file]').setInputFiles(pdf);
    await page
      .getByTestId('pdf-page')
      .filter({ hasText: `/${npages}` })
      .waitFor();
    await page.waitForFunction(() => performance.getEntriesByName('vanthu:pdf-page-1').length > 0);
    pageOne.push(await page.evaluate(() => performance.getEntriesByName('vanthu:pdf-page-1')[0]?.duration ?? NaN));
    await context.close();
  }
  const poppler: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const start = performance.now();
    execFileSync('pdftoppm', ['-f', '1', '-l', '1', '-r', '96', '-png', pdf, join(dir, 'p')]);
    poppler.push(performance.now() - start);
  }
  console.log(`UI benchmark, browser shell + Debian Chromium, ${RUNS} runs, medians (${npages}-page PDF)`);
  console.log(
    `  first screen interactive: ${ms(median(firstScreen))}  (goal ≤ 1500 ms; Chromium load event of the same page: ${ms(median(loadEvent))})`,
  );
  console.log(
    `  PDF page 1 rendered (pdf.js): ${ms(median(pageOne))}  (goal ≤ 400 ms; poppler pdftoppm page 1: ${ms(median(poppler))}, ratio ${(median(pageOne) / median(poppler)).toFixed(2)}×)`,
  );
} finally {
  await browser.close();
  await shell.stop();
}
