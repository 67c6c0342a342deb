import { spawn } from 'node:child_process';
import { entryScript } from '../entry-script.ts';
import { errorMessageVi } from '../../preload/contract/error-messages.vi.ts';
import { ERROR_CODES, VanthuError, type ErrorCode } from '../../preload/contract/vanthu-error.ts';

export interface ProbeResult {
  readonly libraryDescription: string;
  readonly tokens: ReadonlyArray<{ readonly label: string; readonly serial: string; readonly flags: number }>;
}

/** The child's script: probe-child.ts from source, probe-child.cjs next to the bundled main. */
export function childScript(metaUrl: string | undefined = (import.meta as { url?: string }).url): string {
  return entryScript('./probe-child.ts', 'probe-child.cjs', metaUrl, () => __dirname);
}

/**
 * Load a module in a child process first: some vendor DLLs hang in C_Initialize or crash the
 * process. Resolves with what the child saw; rejects with MODULE_HUNG after `timeoutMs`,
 * MODULE_LOAD_FAILED when the child fails or dies.
 */
export function probeModule(
  path: string,
  options: { timeoutMs?: number; env?: NodeJS.ProcessEnv } = {},
): Promise<ProbeResult> {
  const timeoutMs = options.timeoutMs ?? 5000;
  return new Promise((resolve, reject) => {
    // ELECTRON_RUN_AS_NODE lets Electron's own binary act as Node for this child.
    const child = spawn(process.execPath, [childScript(), path], {
      env: { ...(options.env ?? process.env), ELECTRON_RUN_AS_NODE: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let settled = false;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.resume();
    const timer = setTimeout(() => {
      settled = true;
      child.kill('SIGKILL');
      reject(
        new VanthuError(
          'MODULE_HUNG',
          errorMessageVi('MODULE_HUNG', `Quá ${Math.round(timeoutMs / 1000)} giây không phản hồi.`),
          {
            retryable: true,
            details: { modulePath: path, timeoutMs },
          },
        ),
      );
    }, timeoutMs);
    child.on('close', (exitCode, signal) => {
      clearTimeout(timer);
      if (settled) {
        return;
      }
      settled = true;
      const line = stdout.trim().split('\n').pop() ?? '';
      let parsed: { ok?: boolean; code?: unknown; message?: unknown; details?: unknown } & Partial<ProbeResult> = {};
      try {
        parsed = JSON.parse(line) as typeof parsed;
      } catch {
        // no JSON: the child crashed inside the driver
      }
      if (parsed.ok === true) {
        resolve({ libraryDescription: parsed.libraryDescription ?? '', tokens: parsed.tokens ?? [] });
        return;
      }
      // The closed list itself, not its zod schema: the signing path loads no schemas.
      const known = (ERROR_CODES as readonly unknown[]).includes(parsed.code);
      reject(
        new VanthuError(
          known ? (parsed.code as ErrorCode) : 'MODULE_LOAD_FAILED',
          typeof parsed.message === 'string'
            ? parsed.message
            : errorMessageVi('MODULE_LOAD_FAILED', 'Trình điều khiển làm dừng chương trình kiểm tra.'),
          { details: { modulePath: path, exitCode, signal, ...(parsed.details as object | undefined) } },
        ),
      );
    });
  });
}
