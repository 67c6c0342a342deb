import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The app runs on Windows PCs: nothing in main/ may rely on a POSIX folder or a Debian program at
 * run time (#19). Allowed: optional helpers that have a fallback when the program is absent —
 * each listed here with the fallback — and the PKCS#11 catalog's per-OS module lists (native/).
 */
const OPTIONAL_PROGRAMS: Readonly<Record<string, string>> = {
  'main/services/pdf/layout/page-renderer.ts': 'pdftoppm preview; without it the renderer draws the page with pdf.js',
  'main/cli/commands/doctor.ts': 'the diagnostics command reports which tools exist; it needs none',
  'main/services/incoming/malware/run-scanner.ts':
    'Defender or ClamAV where present; without one the check says "chưa quét mã độc"',
};

/** Per-OS locations looked up only where that OS runs (the scanner's ClamAV socket and database). */
const PER_OS_PATHS: ReadonlySet<string> = new Set(['main/services/incoming/malware/find-scanner.ts']);

const POSIX_ROOT = /['"`]\/(usr|etc|var|opt|home|tmp|bin|sbin|lib|lib64|proc|dev|run|srv|root|mnt|media)(\/|['"`])/;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      return sources(path);
    }
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

function codeLines(file: string): { line: number; text: string }[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .map((text, i) => ({ line: i + 1, text }))
    .filter(({ text }) => !/^\s*(\/\/|\*|\/\*)/.test(text));
}

function windowsFindings(root: string): string[] {
  const findings: string[] = [];
  for (const file of sources(join(root, 'main'))) {
    const name = relative(root, file).split('\\').join('/');
    for (const { line, text } of codeLines(file)) {
      if (POSIX_ROOT.test(text) && !PER_OS_PATHS.has(name)) {
        findings.push(`${name}:${line} absolute POSIX path: ${text.trim()}`);
      }
      if (/from 'node:child_process'/.test(text) && OPTIONAL_PROGRAMS[name] === undefined) {
        findings.push(`${name}:${line} runs a program with no listed fallback`);
      }
    }
  }
  return findings;
}

describe('nothing Linux-only in the app (#19)', () => {
  it('finds no absolute POSIX path and no program without a fallback in main/', () => {
    expect(windowsFindings(process.cwd())).toEqual([]);
  });

  it('would catch the register’s old system-font folder and an unlisted program', () => {
    const root = mkdtempSync(join(tmpdir(), 'vanthu-windows-ready-'));
    mkdirSync(join(root, 'main', 'services'), { recursive: true });
    writeFileSync(
      join(root, 'main', 'services', 'bad.ts'),
      "import { execFile } from 'node:child_process';\nconst FONT_DIR = '/usr/share/fonts/truetype/liberation2';\n",
    );
    expect(windowsFindings(root)).toEqual([
      'main/services/bad.ts:1 runs a program with no listed fallback',
      "main/services/bad.ts:2 absolute POSIX path: const FONT_DIR = '/usr/share/fonts/truetype/liberation2';",
    ]);
    expect(POSIX_ROOT.test("const FONT_DIR = '/usr/share/fonts/truetype/liberation2';")).toBe(true);
    expect(POSIX_ROOT.test("join(dir, 'usr', 'share')")).toBe(false);
    expect(POSIX_ROOT.test("const route = '/v1/documents';")).toBe(false);
  });
});
