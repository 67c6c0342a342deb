import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { INCOMING_COLUMNS, type PrintableRegister } from '../../../main/services/store/register-rows.ts';
import { tempDir } from './helpers.ts';

const register: PrintableRegister = {
  kind: 'den',
  year: 2027,
  coQuanChuQuan: 'UBND TỈNH THÁI NGUYÊN',
  tenCoQuan: 'SỞ TƯ PHÁP',
  quyenSo: 1,
  fromDate: null,
  toDate: null,
  fromSo: null,
  toSo: null,
  columns: INCOMING_COLUMNS,
  rows: [INCOMING_COLUMNS.map((_, i) => (i === 4 ? 'Đôn đốc' : String(i + 1)))],
};

/**
 * A Windows PC has no /usr/share/fonts: the register must print with the fonts the app ships.
 * The print runs in a child process whose file system calls treat the system font folder as
 * absent (every node:fs entry point that opens or lists a path refuses it with ENOENT), so a read
 * from it would fail there and only there (#19). A mount namespace would say the same, but a
 * chroot (the clean-machine proof) cannot change the root's propagation, so the folder is hidden
 * at the file-system API instead.
 */
const HIDE_SYSTEM_FONTS = [
  "import fs from 'node:fs';",
  "import { syncBuiltinESMExports } from 'node:module';",
  "const hidden = (p) => String(p instanceof URL ? p.pathname : p).startsWith('/usr/share/fonts');",
  "const enoent = (p) => Object.assign(new Error(`ENOENT: no such file or directory, '${p}'`), { code: 'ENOENT' });",
  'for (const name of ["readFile", "open", "readdir", "stat", "lstat", "access", "opendir"]) {',
  '  const original = fs.promises[name].bind(fs.promises);',
  '  fs.promises[name] = (p, ...rest) => (hidden(p) ? Promise.reject(enoent(p)) : original(p, ...rest));',
  '}',
  'for (const name of ["readFileSync", "openSync", "readdirSync", "statSync", "lstatSync", "accessSync", "existsSync"]) {',
  '  const original = fs[name].bind(fs);',
  '  fs[name] = (p, ...rest) => {',
  '    if (hidden(p)) { if (name === "existsSync") return false; throw enoent(p); }',
  '    return original(p, ...rest);',
  '  };',
  '}',
  'syncBuiltinESMExports();',
].join('\n');

describe('register printing on a machine without system fonts', () => {
  it('embeds the shipped Liberation Serif when /usr/share/fonts is not there', () => {
    const dir = tempDir('vanthu-print-fonts-');
    const input = join(dir, 'register.json');
    const out = join(dir, 'so-den.pdf');
    writeFileSync(input, JSON.stringify(register));
    const script = [
      HIDE_SYSTEM_FONTS,
      "const { readFileSync, writeFileSync, existsSync } = await import('node:fs');",
      "if (existsSync('/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf')) throw new Error('system fonts still visible');",
      "const { printRegisterPdf } = await import('./main/services/registers/print-register.ts');",
      `const bytes = await printRegisterPdf(JSON.parse(readFileSync(${JSON.stringify(input)}, 'utf8')));`,
      `writeFileSync(${JSON.stringify(out)}, bytes);`,
    ].join('\n');
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
      cwd: process.cwd(),
      encoding: 'utf8',
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(readFileSync(out).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const fonts = execFileSync('pdffonts', [out], { encoding: 'utf8' });
    // Embedded as the stamps embed it (stamp/font.ts): a subset under ISO 32000's "ABCDEF+" tag.
    expect(fonts).toMatch(/^[A-Z]{6}\+LiberationSerif /m);
    expect(fonts).toMatch(/^[A-Z]{6}\+LiberationSerif-Bold /m);
    expect(execFileSync('pdftotext', [out, '-'], { encoding: 'utf8' })).toContain('Đôn đốc');
  });
});
