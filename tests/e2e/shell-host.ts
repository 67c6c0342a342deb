import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

export interface RunningShell {
  readonly url: string;
  readonly origin: string;
  readonly profileDir: string;
  stop(): Promise<void>;
}

/**
 * Start the browser shell's host as a child process on a fresh profile (or the one given),
 * exactly as `npm start` does, and wait for the line announcing its URL.
 */
export async function startShell(
  env: Record<string, string> = {},
  /** The host's entry: the sources, or a bundle of them (scripts/bundles.ts, buildBrowserShell). */
  entry = 'main/app/browser/start.ts',
): Promise<RunningShell> {
  const profileDir = env['VANTHU_PROFILE'] ?? mkdtempSync(join(tmpdir(), 'vanthu-e2e-'));
  const child: ChildProcess = spawn(process.execPath, [entry], {
    env: { ...process.env, ...env, VANTHU_PROFILE: profileDir },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout! });
  const first = await new Promise<string>((resolve, reject) => {
    lines.once('line', resolve);
    child.once('exit', (code) => reject(new Error(`browser host exited with ${code}`)));
  });
  const { url, origin } = JSON.parse(first) as { url: string; origin: string };
  return {
    url,
    origin,
    profileDir,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
