import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  createElectronDouble,
  type BrowserWindowDouble,
  type ElectronDouble,
} from '../support/electron-double/index.ts';
import { loadWithElectron } from '../support/electron-double/load.ts';

/** The bundles `node scripts/build.ts` writes, which the app ships. */
export const BUILT_MAIN = resolve(import.meta.dirname, '../../dist/electron/main.cjs');
export const BUILT_PRELOAD = resolve(import.meta.dirname, '../../dist/electron/preload.cjs');

export function assertBuilt(): void {
  if (!existsSync(BUILT_MAIN) || !existsSync(BUILT_PRELOAD)) {
    throw new Error(
      'dist/electron is missing: the shell smoke suite loads the built bundles; run `node scripts/build.ts` first',
    );
  }
}

/** Polls until `check` holds (the shell works through promises the test cannot await). */
export async function waitFor(what: string, check: () => boolean, timeoutMs = 20_000): Promise<void> {
  const until = performance.now() + timeoutMs;
  while (!check()) {
    if (performance.now() > until) {
      throw new Error(`timed out waiting for ${what}`);
    }
    await new Promise((r) => setTimeout(r, 10));
  }
}

export interface RunningShell {
  readonly electron: ElectronDouble;
  readonly profileDir: string;
  readonly window: BrowserWindowDouble;
  /** `window.vanthu` as the page sees it. */
  readonly vanthu: Record<string, unknown> & {
    invoke(channel: string, request: unknown): Promise<{ ok: boolean; value?: unknown; error?: { code: string } }>;
    on(event: string, listener: (payload: unknown) => void): () => void;
  };
  /** Quit as the person would (the window's close button on the last window), awaiting the exit. */
  quit(): Promise<number>;
  /** Undo the `electron` interception; call after each test. */
  dispose(): void;
}

/** Whether the shell has started sync: its wake sources (the resume listener) are attached. */
export function syncStarted(electron: ElectronDouble): boolean {
  return electron.powerMonitor.listenerCount('resume') > 0;
}

/**
 * Starts the built Electron main in this process with the double for `electron`: loads the
 * bundle, lets Electron become ready, and waits until the shell has started sync (its last step)
 * or reported a start-up failure.
 */
export async function startShell(options: { bundle?: string; profileDir?: string } = {}): Promise<RunningShell> {
  assertBuilt();
  const profileDir = options.profileDir ?? mkdtempSync(join(tmpdir(), 'vanthu-shell-'));
  process.env['VANTHU_PROFILE'] = profileDir;
  const electron = createElectronDouble({ userData: join(profileDir, 'electron-user-data') });
  const loaded = loadWithElectron(options.bundle ?? BUILT_MAIN, electron.module);
  electron.app.emitReady();
  // The app's window: the first one still open (an encryption's progress window closes before).
  const appWindow = (): BrowserWindowDouble | undefined => electron.windows.find((w) => !w.isDestroyed());
  await waitFor(
    'the shell to load its page and start sync, or fail',
    () =>
      (syncStarted(electron) && appWindow()?.loaded !== undefined) ||
      electron.dialog.errorBoxes.length > 0 ||
      electron.app.exitCode() !== undefined,
  );
  if (electron.dialog.errorBoxes.length > 0) {
    loaded.restore();
    throw new Error(`the shell failed to start: ${JSON.stringify(electron.dialog.errorBoxes)}`);
  }
  const window = appWindow();
  if (window === undefined || window.loaded === undefined) {
    loaded.restore();
    throw new Error('the shell stopped before loading its window');
  }
  return {
    electron,
    profileDir,
    window,
    vanthu: window.loaded.page.mainWorld['vanthu'] as RunningShell['vanthu'],
    quit: async () => {
      window.close();
      return electron.app.exited;
    },
    dispose: () => loaded.restore(),
  };
}
