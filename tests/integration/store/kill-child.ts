import { spawn } from 'node:child_process';

/**
 * Run a child script (`script dir run`) until it acknowledges its first commit ("ACK …" on a line
 * of its own), let it go on for `delayMs`, then SIGKILL it; resolves with the acknowledged lines.
 * Arming on the first acknowledgement (not on start-up) keeps every kill inside the stream of
 * commits however loaded the machine is. Most of a run is the child starting up: the compile
 * cache the first child fills makes the others start in about half the CPU time.
 */
export function runAndKill(
  script: string,
  dir: string,
  run: number,
  delayMs: number,
  compileCache: string,
): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, dir, String(run)], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NODE_COMPILE_CACHE: compileCache },
    });
    let out = '';
    let err = '';
    let armed = false;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      if (!armed && out.includes('\nACK ')) {
        armed = true;
        setTimeout(() => child.kill('SIGKILL'), delayMs);
      }
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
    child.on('error', reject);
    child.on('exit', (_code, signal) => {
      if (signal !== 'SIGKILL') {
        reject(new Error(`child ended without being killed: ${err}`));
        return;
      }
      // Only whole lines were acknowledged; a line cut by the kill was not.
      resolve(
        out
          .split('\n')
          .slice(0, -1)
          .filter((line) => line.startsWith('ACK ')),
      );
    });
  });
}
