import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Where the electron package would have put its binary, or why there is none. The package
 * downloads it from GitHub at install time; the build machines cannot reach GitHub, so the
 * install is run with ELECTRON_SKIP_BINARY_DOWNLOAD=1 and `path.txt` is never written.
 */
export function electronBinary(): { path: string } | { missing: string } {
  const dir = join('node_modules', 'electron');
  const pathFile = join(dir, 'path.txt');
  if (!existsSync(pathFile)) {
    return {
      missing:
        'the Electron binary is not installed because its download host (GitHub) is unreachable on this machine; ' +
        'the same renderer and handler table are covered by the browser-shell e2e suite, and the built ' +
        'main and preload bundles by the shell tier against the Electron double (tests/shell)',
    };
  }
  const binary = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? { path: binary } : { missing: `electron/path.txt names ${binary}, which does not exist` };
}
