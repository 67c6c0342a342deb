import { appendFileSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { redact, type LogLevel, type Logger } from './logger.ts';

export interface FileLoggerOptions {
  readonly dir: string;
  readonly maxBytes?: number;
  readonly keep?: number;
  readonly level?: LogLevel;
}

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

/**
 * JSON-lines log in the profile folder, rotated by size (vanthu.log → vanthu.1.log …).
 * Writes are synchronous so the last lines before a crash are on disk.
 */
export function createFileLogger(options: FileLoggerOptions): Logger {
  const maxBytes = options.maxBytes ?? 5 * 1024 * 1024;
  const keep = options.keep ?? 5;
  const min = ORDER[options.level ?? 'info'];
  mkdirSync(options.dir, { recursive: true });
  const file = join(options.dir, 'vanthu.log');

  const rotateIfNeeded = (): void => {
    let size: number;
    try {
      size = statSync(file).size;
    } catch {
      return;
    }
    if (size < maxBytes) {
      return;
    }
    rmSync(join(options.dir, `vanthu.${keep}.log`), { force: true });
    for (let i = keep - 1; i >= 1; i--) {
      try {
        renameSync(join(options.dir, `vanthu.${i}.log`), join(options.dir, `vanthu.${i + 1}.log`));
      } catch {
        // a missing generation is normal until the log has rotated `keep` times
      }
    }
    renameSync(file, join(options.dir, 'vanthu.1.log'));
  };

  const write = (level: LogLevel, event: string, fields?: Record<string, unknown>): void => {
    if (ORDER[level] < min) {
      return;
    }
    const line = JSON.stringify({ t: new Date().toISOString(), level, event, ...(redact(fields ?? {}) as object) });
    rotateIfNeeded();
    appendFileSync(file, `${line}\n`);
  };

  return {
    debug: (e, f) => write('debug', e, f),
    info: (e, f) => write('info', e, f),
    warn: (e, f) => write('warn', e, f),
    error: (e, f) => write('error', e, f),
  };
}
