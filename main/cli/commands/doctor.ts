import { spawnSync } from 'node:child_process';
import Database from 'better-sqlite3';
import { moduleCandidates } from '../../../native/pkcs11/catalog.ts';
import type { Command } from './command.ts';

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

/**
 * The PKCS#11 modules of the driver catalog present on this machine (not loaded: a vendor DLL
 * can hang; `vanthu token list` probes them in a child process).
 */
function moduleChecks(): Check[] {
  const present = moduleCandidates([]);
  if (present.length === 0) {
    return [{ name: 'pkcs11', ok: false, detail: 'không thấy trình điều khiển USB token nào trong danh mục đã biết' }];
  }
  return present.map((m) => ({ name: `pkcs11:${m.vendor}`, ok: true, detail: m.path }));
}

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
      ...moduleChecks(),
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
