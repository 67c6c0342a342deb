import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { buildCli, buildWorkers, cjsBundle } from './bundles.ts';

/*
 * Builds what the shells load: the renderer (Vite) for both shells, and the Electron main and
 * preload bundles (esbuild, CommonJS, because sandboxed preloads cannot be ES modules), and the
 * `vanthu` command (dist/cli/vanthu.mjs, package.json "bin").
 * Native modules stay external; electron-builder rebuilds them for Electron's ABI.
 */
execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });

await build({ ...cjsBundle, entryPoints: ['main/app/electron/main.ts'], outfile: 'dist/electron/main.cjs' });
await build({ ...cjsBundle, entryPoints: ['preload/index.ts'], outfile: 'dist/electron/preload.cjs' });
// PKCS#11 runs apart from main (probe child, worker threads), as do the store and register printing.
const workers = await buildWorkers('dist/electron');
await buildCli('dist/cli');
console.log(
  `build ok: dist/renderer, dist/electron/{main,preload,${workers.map((n) => n.replace('.cjs', '')).join(',')}}.cjs, dist/cli/vanthu.mjs`,
);
