import Module, { createRequire } from 'node:module';

const ELECTRON_ID = '\0electron-double';

interface ModuleInternals {
  _resolveFilename(request: string, parent: unknown, ...rest: unknown[]): string;
  _cache: Record<string, { id: string; filename: string; loaded: boolean; exports: unknown }>;
}

/**
 * Loads a CommonJS bundle (the built Electron main) with `electron` resolved to `electronModule`:
 * `require('electron')` inside it — and inside anything it requires — returns the double. The
 * bundle is evaluated afresh on every call; the interception is removed again by `restore()`.
 */
export function loadWithElectron(bundlePath: string, electronModule: unknown): { restore(): void } {
  const internals = Module as unknown as ModuleInternals;
  const original = internals._resolveFilename;
  internals._resolveFilename = function (request, parent, ...rest) {
    return request === 'electron' ? ELECTRON_ID : original.call(this, request, parent, ...rest);
  };
  internals._cache[ELECTRON_ID] = { id: ELECTRON_ID, filename: ELECTRON_ID, loaded: true, exports: electronModule };
  const require = createRequire(import.meta.url);
  const restore = (): void => {
    internals._resolveFilename = original;
    delete internals._cache[ELECTRON_ID];
  };
  delete require.cache[bundlePath];
  try {
    require(bundlePath);
  } catch (error) {
    restore();
    throw error;
  }
  return { restore };
}
