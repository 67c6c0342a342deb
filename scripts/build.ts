import { build, type BuildOptions } from 'esbuild';
import { execFileSync } from 'node:child_process';

/*
 * Builds what the shells load: the renderer (Vite) for both shells, and the Electron main and
 * preload bundles (esbuild, CommonJS, because sandboxed preloads cannot be ES modules).
 * Native modules stay external; electron-builder rebuilds them for Electron's ABI.
 */
execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });

const common: BuildOptions = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node24',
  sourcemap: true,
  external: ['electron', 'pkcs11js', 'better-sqlite3'],
  logLevel: 'warning',
  // Modules that locate assets try import.meta.url first and fall back to __dirname in this bundle.
  logOverride: { 'empty-import-meta': 'silent' },
};

await build({ ...common, entryPoints: ['main/app/electron/main.ts'], outfile: 'dist/electron/main.cjs' });
await build({ ...common, entryPoints: ['preload/index.ts'], outfile: 'dist/electron/preload.cjs' });
// PKCS#11 runs apart from main: vendor modules are probed in a child process and every token call
// runs in a worker thread. main.cjs finds both scripts next to itself (native/pkcs11/entry-script.ts).
// Scripts started apart from the main thread; `native/entry-script.ts` finds them beside main.cjs.
const workers: ReadonlyArray<readonly [string, string]> = [
  ['native/pkcs11/probe-child.ts', 'probe-child.cjs'],
  ['native/pkcs11/worker/worker-entry.ts', 'pkcs11-worker.cjs'],
  ['main/services/store/store-worker.ts', 'store-worker.cjs'],
  ['main/services/registers/print-worker.ts', 'print-worker.cjs'],
];
for (const [entry, name] of workers) {
  await build({ ...common, entryPoints: [entry], outfile: `dist/electron/${name}` });
}
console.log(
  `build ok: dist/renderer, dist/electron/{main,preload,${workers.map(([, n]) => n.replace('.cjs', '')).join(',')}}.cjs`,
);
