import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import type { Command } from '../command.ts';

interface Check {
  readonly name: string;
  readonly ok: boolean;
  readonly detail: string;
}

function probeCommand(name: string, args: readonly string[]): Check {
  const result = spawnSync(name, args, { encoding: 'utf8', timeout: 5000 });
  if (result.error !== undefined) {
    return { name, ok: false, detail: 'không tìm thấy' };
  }
  // Some tools (pdfsig, mutool) print their version on stderr.
  const firstLine = `${result.stdout}${result.stderr}`.split('\n').find((line) => line.trim() !== '') ?? '';
  return { name, ok: true, detail: firstLine.trim() };
}

/** Well-known PKCS#11 module paths on this OS; the token service owns the full driver catalog. */
const LINUX_MODULES = ['/usr/lib/softhsm/libsofthsm2.so', '/usr/lib/x86_64-linux-gnu/opensc-pkcs11.so'];

export const doctorCommand: Command = {
  name: 'doctor',
  summary: 'Kiểm tra môi trường: Node, SQLite, trình điều khiển PKCS#11, công cụ kiểm tra chữ ký',
  usage: 'vanthu doctor [--json]',
  async run(args, { io }) {
    const db = new Database(':memory:');
    const sqlite = db.prepare('select sqlite_version() as v').get() as { v: string };
    db.close();
    const checks: Check[] = [
      { name: 'node', ok: true, detail: process.versions.node },
      { name: 'sqlite', ok: true, detail: sqlite.v },
      ...LINUX_MODULES.map((path) => ({
        name: `pkcs11:${path}`,
        ok: existsSync(path),
        detail: existsSync(path) ? 'có' : 'không có',
      })),
      probeCommand('pdfsig', ['-v']),
      probeCommand('mutool', ['-v']),
      probeCommand('qpdf', ['--version']),
      probeCommand('openssl', ['version']),
    ];
    if (args.includes('--json')) {
      io.out(`${JSON.stringify({ checks }, null, 2)}\n`);
    } else {
      for (const check of checks) {
        io.out(`${check.ok ? '✔' : '✘'} ${check.name}: ${check.detail}\n`);
      }
    }
    return checks.slice(0, 2).every((c) => c.ok) ? 0 : 1;
  },
};
