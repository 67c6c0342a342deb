import { build, type BuildOptions } from 'esbuild';
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** What every Node bundle shares. Native modules stay external (electron-builder rebuilds them). */
const nodeBundle: BuildOptions = {
  // Entry points are named from the repository root, whoever calls (build script, bench, tests).
  absWorkingDir: fileURLToPath(new URL('..', import.meta.url)),
  bundle: true,
  platform: 'node',
  target: 'node24',
  sourcemap: true,
  external: ['electron', 'pkcs11js', 'better-sqlite3', 'better-sqlite3-multiple-ciphers'],
  logLevel: 'warning',
};

/** CommonJS: the Electron main and preload, and every worker script. */
export const cjsBundle: BuildOptions = {
  ...nodeBundle,
  format: 'cjs',
  // Modules that locate assets try import.meta.url first and fall back to __dirname in this bundle.
  logOverride: { 'empty-import-meta': 'silent' },
};

// Scripts started apart from the main thread; `native/entry-script.ts` finds them beside the bundle
// that starts them: vendor modules are probed in a child process, every token call runs in a worker,
// and so do the store, register and report printing, the arrival check's reading of files and the issuing chain's checks.
const workers: ReadonlyArray<readonly [string, string]> = [
  ['native/pkcs11/probe-child.ts', 'probe-child.cjs'],
  ['main/services/tokens/worker-entry.ts', 'pkcs11-worker.cjs'],
  ['main/services/store/store-worker.ts', 'store-worker.cjs'],
  ['main/services/registers/print-worker.ts', 'print-worker.cjs'],
  ['main/services/reports/report-print-worker.ts', 'report-print-worker.cjs'],
  ['main/services/incoming/inspect-worker.ts', 'inspect-worker.cjs'],
  ['main/services/workflow/chain-worker.ts', 'chain-worker.cjs'],
];

/**
 * The worker scripts as CommonJS bundles in `outdir`; returns their file names. The command
 * (`vanthu`) reads no scans, so its build leaves the OCR worker and its 18 MB of WASM out.
 */
export async function buildWorkers(outdir: string, options: { ocr?: boolean } = {}): Promise<string[]> {
  for (const [entry, name] of workers) {
    await build({ ...cjsBundle, entryPoints: [entry], outfile: join(outdir, name) });
  }
  return [...workers.map(([, name]) => name), ...(options.ocr === false ? [] : await buildOcr(outdir))];
}

/**
 * Tesseract's WASM cores, picked at run time by what the CPU offers (relaxed SIMD, SIMD, plain).
 * tesseract.js 7.0.0 passes `lstmOnly` where its core picker expects the engine mode, so it
 * loads the full cores although the app asks for the LSTM engine; both kinds ship, so a fixed
 * picker keeps working (about 18 MB).
 */
const TESSERACT_CORES = ['relaxedsimd-lstm', 'simd-lstm', 'lstm', 'relaxedsimd', 'simd', ''].map(
  (v) => `tesseract-core${v === '' ? '' : `-${v}`}.wasm`,
);

/**
 * OCR of scans (issue #21): the app's OCR worker, and tesseract.js's own worker script which the
 * OCR worker starts, with the WASM cores that script reads from its own folder. pdf.js renders
 * the pages in the OCR worker and finds its canvas (@napi-rs/canvas) from import.meta.url, so
 * that bundle defines it as the bundle's own file URL. The Vietnamese model is not bundled: it
 * ships as an extraResource (electron-builder.yml), or comes from node_modules when run from source.
 */
async function buildOcr(outdir: string): Promise<string[]> {
  await build({
    ...cjsBundle,
    entryPoints: ['main/services/ocr/ocr-worker.ts'],
    outfile: join(outdir, 'ocr-worker.cjs'),
    define: { 'import.meta.url': '__vanthuMetaUrl' },
    banner: { js: "var __vanthuMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
  });
  await build({
    ...cjsBundle,
    entryPoints: ['tesseract.js/src/worker-script/node/index.js'],
    outfile: join(outdir, 'tesseract-worker.cjs'),
  });
  const root = nodeBundle.absWorkingDir ?? '';
  const core = dirname(createRequire(join(root, 'package.json')).resolve('tesseract.js-core/package.json'));
  mkdirSync(resolve(root, outdir), { recursive: true });
  for (const wasm of TESSERACT_CORES) {
    copyFileSync(join(core, wasm), resolve(root, outdir, wasm));
  }
  return ['ocr-worker.cjs', 'tesseract-worker.cjs'];
}

/*
 * A bundle finds its workers and assets/ as the Electron bundle does (native/entry-script.ts,
 * the font loader): import.meta.url is empty and __dirname is the bundle's folder. In these ES
 * module chunks the banner sets __dirname (and `require`, for the CommonJS packages inside).
 */
const chunkBanner = [
  "import { createRequire as __vanthuCreateRequire } from 'node:module';",
  "import { dirname as __vanthuDirname } from 'node:path';",
  "import { fileURLToPath as __vanthuFileURLToPath } from 'node:url';",
  'const require = __vanthuCreateRequire(import.meta.url);',
  'const __dirname = __vanthuDirname(__vanthuFileURLToPath(import.meta.url));',
].join('\n');

/**
 * The `vanthu` command as shipped (package.json "bin"): `outdir/vanthu.mjs` and the chunks it
 * imports. Run from the sources, a command spends most of its time finding, reading and compiling
 * hundreds of modules; here they are a few dozen chunks, and code splitting keeps each command to
 * its own (`vanthu verify` loads neither the store nor signing). `outdir` must lie inside the
 * repository, where the external packages resolve.
 */
export async function buildCli(outdir: string): Promise<void> {
  // Chunk names carry content hashes: without this, every build would leave the last one's behind.
  rmSync(resolve(nodeBundle.absWorkingDir ?? '', outdir), { recursive: true, force: true });
  await build({
    ...nodeBundle,
    entryPoints: { vanthu: 'main/cli/bin.ts' },
    outdir,
    format: 'esm',
    splitting: true,
    outExtension: { '.js': '.mjs' },
    // pdf.js locates @napi-rs/canvas from its own import.meta.url: loaded from node_modules as is.
    external: [...(nodeBundle.external ?? []), 'pdfjs-dist'],
    define: { 'import.meta.url': '""' },
    banner: { js: chunkBanner },
  });
  await buildWorkers(outdir, { ocr: false });
}

/**
 * The browser shell's host bundled as the Electron main is (`outdir/browser-shell.mjs`, one ES
 * module, its workers beside it), for the benchmarks that time the app's main process: from the
 * sources every module and worker is found, read and stripped of its types at first use, which
 * the shipped app never pays. Run with VANTHU_RENDERER_DIR set (the renderer is not copied).
 */
export async function buildBrowserShell(outdir: string): Promise<string> {
  rmSync(resolve(nodeBundle.absWorkingDir ?? '', outdir), { recursive: true, force: true });
  await build({
    ...nodeBundle,
    entryPoints: { 'browser-shell': 'main/app/browser/start.ts' },
    outdir,
    format: 'esm',
    outExtension: { '.js': '.mjs' },
    external: [...(nodeBundle.external ?? []), 'pdfjs-dist'],
    define: { 'import.meta.url': '""' },
    banner: { js: chunkBanner },
  });
  await buildWorkers(outdir, { ocr: false });
  return resolve(nodeBundle.absWorkingDir ?? '', outdir, 'browser-shell.mjs');
}
