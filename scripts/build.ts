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
await build({ ...common, entryPoints: ['native/pkcs11/probe-child.ts'], outfile: 'dist/electron/probe-child.cjs' });
await build({
  ...common,
  entryPoints: ['native/pkcs11/worker/worker-entry.ts'],
  outfile: 'dist/electron/pkcs11-worker.cjs',
});
console.log('build ok: dist/renderer, dist/electron/{main,preload,probe-child,pkcs11-worker}.cjs');
