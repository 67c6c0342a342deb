/**
 * Benchmark: OCR seconds per page — the app's reader (tesseract.js WASM in a worker thread,
 * Vietnamese tessdata_best integer model, page rendered by pdf.js at 200 dpi) beside the
 * `tesseract` command (Debian's tesseract-ocr 5, native) on the same 200 dpi image in the same run.
 * The page is the LibreOffice Quyết định fixture (tests/fixtures/pdf/lo-qd-kt-1.pdf) rendered by
 * pdftoppm; the multi-page run repeats it as an image-only PDF of `pages` pages.
 * The command runs twice: with Debian's own model (tesseract-ocr-vie, tessdata_fast) and with
 * the app's model, so engine and model can be told apart, and with OMP_THREAD_LIMIT=1: the WASM
 * engine reads on one thread, so one thread each compares the engines, not the core count.
 * Beside wall time, CPU seconds (this process's threads; the command's from /proc cutime): on
 * this shared machine the wall time mostly measures the queue for the two cores.
 *   node tests/bench/ocr.ts [iterations] [pages]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { PDFDocument } from '@cantoo/pdf-lib';
import { ocrAssets } from '../../main/services/ocr/ocr-assets.ts';
import { ocrInWorker } from '../../main/services/ocr/ocr-in-worker.ts';

const iterations = Number(process.argv[2] ?? '3');
const pageCount = Number(process.argv[3] ?? '5');
const dir = mkdtempSync(join(tmpdir(), 'vanthu-bench-ocr-'));

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

interface Timing {
  readonly wall: number;
  readonly cpu: number;
}

/** CPU seconds of waited-for children (fields 16–17 of /proc/self/stat, clock ticks of 1/100 s). */
function childrenCpu(): number {
  const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[13]) + Number(fields[14])) / 100;
}

function timeCommand(args: string[]): Timing {
  const t0 = performance.now();
  const c0 = childrenCpu();
  const r = spawnSync('tesseract', args, { encoding: 'utf8', env: { ...process.env, OMP_THREAD_LIMIT: '1' } });
  if (r.status !== 0) {
    throw new Error(`tesseract ${args.join(' ')}: ${r.stderr}`);
  }
  return { wall: (performance.now() - t0) / 1000, cpu: childrenCpu() - c0 };
}

async function timeApp(task: () => Promise<unknown>, pages: number): Promise<Timing> {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  await task();
  const cpu = process.cpuUsage(c0);
  return { wall: (performance.now() - t0) / 1000 / pages, cpu: (cpu.user + cpu.system) / 1e6 / pages };
}

try {
  const source = join(import.meta.dirname, '../fixtures/pdf/lo-qd-kt-1.pdf');
  const render = spawnSync('pdftoppm', [
    '-r',
    '200',
    '-png',
    '-f',
    '1',
    '-l',
    '1',
    '-singlefile',
    source,
    join(dir, 'page'),
  ]);
  if (render.status !== 0) {
    throw new Error(render.stderr.toString());
  }
  const pngFile = join(dir, 'page.png');
  const png = new Uint8Array(readFileSync(pngFile));
  // The app's model, unpacked for the command (it reads only plain .traineddata).
  const ours = join(dir, 'tessdata');
  spawnSync('mkdir', [ours]);
  writeFileSync(
    join(ours, 'vie.traineddata'),
    gunzipSync(readFileSync(join(ocrAssets(fileURLToPath(import.meta.url)).langPath, 'vie.traineddata.gz'))),
  );

  const scan = await PDFDocument.create();
  const image = await scan.embedPng(png);
  for (let i = 0; i < pageCount; i += 1) {
    scan.addPage([595.28, 841.89]).drawImage(image, { x: 0, y: 0, width: 595.28, height: 841.89 });
  }
  const scanPdf = await scan.save();

  const onePage: Timing[] = [];
  const perPage: Timing[] = [];
  const cliDebian: Timing[] = [];
  const cliOurs: Timing[] = [];
  for (let i = 0; i < iterations; i += 1) {
    onePage.push(await timeApp(() => ocrInWorker(png, { kind: 'png' }), 1));
    perPage.push(await timeApp(() => ocrInWorker(scanPdf, { kind: 'pdf' }), pageCount));
    cliDebian.push(timeCommand([pngFile, join(dir, 'out-debian'), '-l', 'vie', '--oem', '1']));
    cliOurs.push(timeCommand([pngFile, join(dir, 'out-ours'), '--tessdata-dir', ours, '-l', 'vie', '--oem', '1']));
  }
  const s = (v: Timing[]): string =>
    `${median(v.map((t) => t.wall)).toFixed(2)} s wall, ${median(v.map((t) => t.cpu)).toFixed(2)} s CPU`;
  console.log(`OCR, one A4 page at 200 dpi, median of ${iterations} (machine shared: noisy)`);
  console.log(`app, PNG, one page (worker start + model load + page): ${s(onePage)}`);
  console.log(`app, image-only PDF of ${pageCount} pages (render + read), per page: ${s(perPage)}`);
  console.log(`tesseract command (1 thread), Debian tessdata_fast model: ${s(cliDebian)}`);
  console.log(`tesseract command (1 thread), the app's tessdata_best int model: ${s(cliOurs)}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
