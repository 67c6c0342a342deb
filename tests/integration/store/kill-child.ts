import { spawn } from 'node:child_process';

/** The whole lines a killed child printed. */
export interface KilledRun {
  readonly lines: readonly string[];
}

/**
 * Run a child script (`script ...args`) until it prints a line starting with `armOn`, let it go on
 * for `delayMs`, then SIGKILL it; resolves with every whole line it printed (a line cut by the kill
 * was not printed). Arming on a line the child prints once its real work begins (not on start-up)
 * keeps every kill inside that work however loaded — or however fast — the machine is. Most of a
 * run is the child starting up: the compile cache the first child fills makes the others start in
 * about half the CPU time.
 */
export function runAndKillLines(
  script: string,
  args: readonly string[],
  armOn: string,
  delayMs: number,
  compileCache: string,
): Promise<KilledRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NODE_COMPILE_CACHE: compileCache },
    });
    let out = '';
    let err = '';
    let armed = false;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      if (!armed && `\n${out}`.includes(`\n${armOn}`)) {
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
      resolve({ lines: out.split('\n').slice(0, -1) });
    });
  });
}

/**
 * Run a child script (`script dir run`) until it acknowledges its first commit ("ACK …" on a line
 * of its own), let it go on for `delayMs`, then SIGKILL it; resolves with the acknowledged lines.
 */
export async function runAndKill(
  script: string,
  dir: string,
  run: number,
  delayMs: number,
  compileCache: string,
): Promise<string[]> {
  const { lines } = await runAndKillLines(script, [dir, String(run)], 'ACK ', delayMs, compileCache);
  return lines.filter((line) => line.startsWith('ACK '));
}
