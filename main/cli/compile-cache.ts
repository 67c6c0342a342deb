import { enableCompileCache } from 'node:module';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** A per-user cache folder of the OS, never the install folder (read-only once installed). */
export function compileCacheDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (platform === 'win32') {
    return join(env['LOCALAPPDATA'] ?? join(homedir(), 'AppData', 'Local'), 'VanThuSo', 'node-compile-cache');
  }
  return join(env['XDG_CACHE_HOME'] ?? join(homedir(), '.cache'), 'vanthu', 'node-compile-cache');
}

/**
 * Node's on-disk compile cache: later runs skip type stripping and compiling of every module they
 * load again, most of a short command's time (`vanthu verify` is run per file in scripts).
 * Only modules loaded after this call are cached, so the entry calls it first. The cache is an
 * optimisation: a folder that cannot be used leaves the run as it was, slower.
 */
export function startCompileCache(): void {
  try {
    enableCompileCache(compileCacheDir());
  } catch {
    // no home folder, or a Node without the cache: run without it
  }
}
