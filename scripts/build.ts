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
};

await build({ ...common, entryPoints: ['main/app/electron/main.ts'], outfile: 'dist/electron/main.cjs' });
await build({ ...common, entryPoints: ['preload/index.ts'], outfile: 'dist/electron/preload.cjs' });
console.log('build ok: dist/renderer, dist/electron/{main,preload}.cjs');
