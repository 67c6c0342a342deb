import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

export interface RunningServer {
  readonly url: string;
  readonly dataDir: string;
  /** Change the server's faults at runtime (loopback admin endpoint, never itself faulted). */
  faults(patch: Record<string, unknown>): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Start the reference server (`node server/main.ts`) on a free loopback port with a fresh data
 * folder, seeded with incoming documents made from the PDFs in `fixturesDir`.
 */
export async function startReferenceServer(fixturesDir: string): Promise<RunningServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'vanthu-e2e-server-'));
  const child: ChildProcess = spawn(
    process.execPath,
    ['server/main.ts', '--port', '0', '--data', dataDir, '--fixtures', fixturesDir],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const lines = createInterface({ input: child.stdout! });
  const first = await new Promise<string>((resolve, reject) => {
    lines.once('line', resolve);
    child.once('exit', (code) => reject(new Error(`reference server exited with ${code}`)));
  });
  const url = /(https?:\/\/\S+)/.exec(first)?.[1];
  if (url === undefined) {
    throw new Error(`unexpected first line from the reference server: ${first}`);
  }
  return {
    url,
    dataDir,
    async faults(patch) {
      const response = await fetch(new URL('/__admin/faults', url), {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(patch),
      });
      if (!response.ok) {
        throw new Error(`faults: HTTP ${response.status}`);
      }
    },
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) {
          resolve();
          return;
        }
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
