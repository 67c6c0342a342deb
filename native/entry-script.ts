import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Where a script that runs apart from the main thread (the probe child, the PKCS#11 worker) lives.
 * Run from source, Node strips the types of the sibling .ts file (found from `metaUrl`); in the
 * bundled CommonJS main `import.meta.url` is empty and the build puts `bundledName` next to the bundle.
 */
export function entryScript(
  sourceName: string,
  bundledName: string,
  metaUrl: string | undefined,
  bundleDir: () => string,
): string {
  if (typeof metaUrl === 'string' && metaUrl !== '') {
    return fileURLToPath(new URL(sourceName, metaUrl));
  }
  return join(bundleDir(), bundledName);
}
