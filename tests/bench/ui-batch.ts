import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { chromium } from 'playwright-core';
import { attachmentPath } from '../../main/services/store/attachments.ts';
import { buildBrowserShell } from '../../scripts/bundles.ts';
import { startShell } from '../e2e/shell-host.ts';
import { CLI_ENTRY, signBatchArgs } from './cli-sign-batch.ts';
import { armScreenClock, readScreenClock } from './screen-clock.ts';
import { issuingProfile } from '../hsm/workflow/issuing-support.ts';
import { buildPki } from '../support/pki/build.ts';

/*
 * Batch signing through the UI (issue #15): COUNT drafts under trình ký, signed by the leader in the
 * browser shell and Debian's Chromium with ONE PIN (one token login in main, progress per
 * document), against the same COUNT stored drafts signed by `vanthu sign-batch` (one process, one
 * login, the same personal certified signature, P=2) in the same run, on the same SoftHSM2 token.
 * Timed in the page: the click on the PIN dialog's "Ký" → "Đã ký N văn bản." on screen (Playwright's
 * own wait polls in steps of half a second, too coarse for a batch under a second); also shown: the whole
 * gesture from opening Ký duyệt (queue loaded, every box ticked, certificate chosen). The CLI is
 * timed as a process (start, login, sign, write), once before the UI and once after it: the build
 * machine's load moves within a run, and the two CLI figures show by how much. Goal: UI ≤ 1.2 × CLI.
 *   node tests/bench/ui-batch.ts [count]
 */
const COUNT = Number(process.argv[2] ?? '100');
const s = (x: number): string => `${(x / 1000).toFixed(2)} s`;
const per = (x: number): string => `${(x / COUNT).toFixed(0)} ms/văn bản`;

const dir = mkdtempSync(join(tmpdir(), 'vanthu-bench-ui-batch-'));
const pki = await buildPki(join(dir, 'pki'), new Date() /* real time: a benchmark run, checked now */);
process.env['SOFTHSM2_CONF'] = pki.softhsm.conf;
const profileDir = join(dir, 'ho-so');

// Untimed: COUNT drafts by a chuyên viên (chosen PDF + .docx, trình ký), through the same handler table.
const app = issuingProfile(pki, { profileDir });
const cliIn = join(dir, 'cli-vao');
mkdirSync(cliIn);
const seeded = performance.now();
for (let i = 1; i <= COUNT; i++) {
  const doc = await app.draft(`Văn bản số ${i} của phép đo ký hàng loạt`);
  if (doc.fileSha256 === null) {
    throw new Error('a draft without its file');
  }
  // The CLI signs exactly the files the leader signs in the UI: the stored drafts.
  copyFileSync(attachmentPath(app.services.profile.files, doc.fileSha256), join(cliIn, `du-thao-${i}.pdf`));
}
const seedMs = performance.now() - seeded;
await app.asRole('lanh-dao');
const { signer, pin } = app.tokenOf('person');
await app.services.store.close();
await app.services.tokens.stop();

// The CLI batch: one process, one login, the same operation as the leader's (personal, certify P=2).
const signBatch = (files: readonly string[], outDir: string): number => {
  const started = performance.now();
  execFileSync(process.execPath, signBatchArgs(signer, outDir, files), {
    env: { ...process.env, VANTHU_PIN: pin },
    stdio: ['ignore', 'ignore', 'ignore'],
  });
  if (readdirSync(outDir).length !== files.length) {
    throw new Error('the CLI did not sign every file');
  }
  return performance.now() - started;
};
const inputs = readdirSync(cliIn).map((f) => join(cliIn, f));
// One file first: what the process costs before its first signature (start, load, token login).
const cliOneMs = signBatch(inputs.slice(0, 1), join(dir, 'cli-mot'));
const cliMs = signBatch(inputs, join(dir, 'cli-ra'));

// VANTHU_BENCH_CPU_PROF=<dir>: the shell's main process writes a CPU profile there when it stops.
const profDir = process.env['VANTHU_BENCH_CPU_PROF'];
// The host bundled, as the app's main process ships (the CLI peer is its shipped bundle too);
// VANTHU_BENCH_SOURCES=1 runs it from the TypeScript sources instead.
const fromSources = process.env['VANTHU_BENCH_SOURCES'] === '1';
const shellEntry = fromSources ? undefined : await buildBrowserShell('dist/bench-shell');
const shell = await startShell(
  {
    VANTHU_PROFILE: profileDir,
    SOFTHSM2_CONF: pki.softhsm.conf,
    VANTHU_RENDERER_DIR: join(process.cwd(), 'dist', 'renderer'),
    ...(profDir === undefined ? {} : { NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${profDir}` }),
  },
  shellEntry,
);
const browser = await chromium.launch({
  executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
});
try {
  const context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(shell.url);
  await page.getByTestId('app-info').waitFor();
  const gesture = performance.now();
  await page.getByRole('navigation').getByRole('link', { name: 'Ký duyệt' }).click();
  const queue = page.getByTestId('signing-queue');
  await queue
    .getByRole('checkbox')
    .nth(COUNT - 1)
    .waitFor();
  await queue.getByRole('button', { name: 'Chọn tất cả' }).click();
  const certificate = page.getByLabel('Chứng thư số dùng để ký');
  await certificate.locator('option').nth(1).waitFor({ state: 'attached' });
  await certificate.selectOption({ index: 1 });
  await page.keyboard.press('Control+Enter');
  const dialog = page.getByTestId('pin-dialog');
  await dialog.getByLabel('Mã PIN').fill(pin);
  // VANTHU_BENCH_PAGE_PROF=<file>: the page's own CPU profile (Chromium's DevTools protocol) over the batch.
  const pageProf = process.env['VANTHU_BENCH_PAGE_PROF'];
  const cdp = pageProf === undefined ? undefined : await context.newCDPSession(page);
  await cdp?.send('Profiler.enable');
  await cdp?.send('Profiler.start');
  await armScreenClock(page, 'signed', `Đã ký ${COUNT} văn bản.`);
  const signing = performance.now();
  await dialog.getByRole('button', { name: 'Ký', exact: true }).click();
  await page
    .getByTestId('signed')
    .filter({ hasText: `Đã ký ${COUNT} văn bản.` })
    .waitFor({ timeout: 600_000 });
  // Timed in the page (screen-clock.ts); `waitFor` above only says when to read it.
  const uiMs = await readScreenClock(page);
  // What Playwright's own wait reports, kept beside it: its polling steps show in it.
  const polledMs = performance.now() - signing;
  if (cdp !== undefined && pageProf !== undefined) {
    const { profile } = await cdp.send('Profiler.stop');
    writeFileSync(pageProf, JSON.stringify(profile));
  }
  // To the click by the test's clock, then the page's: no polling step in it either.
  const gestureMs = signing - gesture + uiMs;
  await context.close();
  // The same CLI batch again, right after the UI: the load the UI ran under lies between the two.
  const cliAfterMs = signBatch(inputs, join(dir, 'cli-ra-sau'));
  const cliMean = (cliMs + cliAfterMs) / 2;

  console.log(
    `Batch signing, ${COUNT} drafts, one PIN, SoftHSM2 (RSA), browser shell (${fromSources ? 'from the sources' : 'bundled'}) + Debian Chromium`,
  );
  console.log(
    `  UI  (PIN "Ký" clicked → "Đã ký ${COUNT} văn bản." on screen, timed in the page): ${s(uiMs)}, ${per(uiMs)}`,
  );
  console.log(`  (the same by Playwright's waitFor, which polls every 500 ms after the first 270 ms: ${s(polledMs)})`);
  console.log(`  UI  whole gesture (open Ký duyệt, Chọn tất cả, choose certificate, PIN, sign): ${s(gestureMs)}`);
  console.log(
    `  CLI vanthu sign-batch (${CLI_ENTRY}, process start → ${COUNT} files written): ${s(cliMs)}, ${per(cliMs)}`,
  );
  console.log(`  CLI again, after the UI: ${s(cliAfterMs)}, ${per(cliAfterMs)}`);
  console.log(`  CLI with 1 file (process start, load, login, one signature): ${s(cliOneMs)}`);
  console.log(
    `  ratio UI / CLI: ${(uiMs / cliMean).toFixed(2)}× against the two CLI runs' mean ` +
      `(${(uiMs / cliMs).toFixed(2)}× / ${(uiMs / cliAfterMs).toFixed(2)}× against each; goal ≤ 1.2×)`,
  );
  console.log(
    `  per further document: UI ${per(uiMs)} vs CLI ${((cliMs - cliOneMs) / (COUNT - 1)).toFixed(0)} ms (CLI ${COUNT} − CLI 1, ÷ ${COUNT - 1})`,
  );
  console.log(`  (seeding ${COUNT} drafts, not timed above: ${s(seedMs)})`);
} finally {
  await browser.close();
  await shell.stop();
  rmSync(dir, { recursive: true, force: true });
}
