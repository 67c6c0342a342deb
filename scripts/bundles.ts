import { build, type BuildOptions } from 'esbuild';
import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
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
// that starts them: vendor modules are probed in a child process, every token call runs in a worker.
const workers: ReadonlyArray<readonly [string, string]> = [
  ['native/pkcs11/probe-child.ts', 'probe-child.cjs'],
  ['main/services/tokens/worker-entry.ts', 'pkcs11-worker.cjs'],
  ['main/services/store/store-worker.ts', 'store-worker.cjs'],
  ['main/services/registers/print-worker.ts', 'print-worker.cjs'],
  ['main/services/reports/report-print-worker.ts', 'report-print-worker.cjs'],
];

/** The worker scripts as CommonJS bundles in `outdir`; returns their file names. */
export async function buildWorkers(outdir: string): Promise<string[]> {
  for (const [entry, name] of workers) {
    await build({ ...cjsBundle, entryPoints: [entry], outfile: join(outdir, name) });
  }
  return workers.map(([, name]) => name);
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
  await buildWorkers(outdir);
}
