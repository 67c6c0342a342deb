import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { INCOMING_COLUMNS, type PrintableRegister } from '../../../main/services/registers/register-rows.ts';
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
 * The print runs in a child process inside a private mount namespace where the system font
 * folder is an empty tmpfs, so a read from it would fail there and only there (#19).
 */
describe('register printing on a machine without system fonts', () => {
  it('embeds the shipped Liberation Serif when /usr/share/fonts is empty', () => {
    const dir = tempDir('vanthu-print-fonts-');
    const input = join(dir, 'register.json');
    const out = join(dir, 'so-den.pdf');
    writeFileSync(input, JSON.stringify(register));
    const script = [
      "import { readFileSync, writeFileSync, readdirSync } from 'node:fs';",
      "import { printRegisterPdf } from './main/services/registers/print-register.ts';",
      "if (readdirSync('/usr/share/fonts').length !== 0) throw new Error('system fonts still visible');",
      `const bytes = await printRegisterPdf(JSON.parse(readFileSync(${JSON.stringify(input)}, 'utf8')));`,
      `writeFileSync(${JSON.stringify(out)}, bytes);`,
    ].join('\n');
    // Root (the clean-machine chroot) may not create a user namespace inside a chroot, and needs none.
    const namespace = process.getuid?.() === 0 ? '-m' : '-rm';
    const run = spawnSync(
      'unshare',
      [
        namespace,
        'sh',
        '-c',
        'mount -t tmpfs none /usr/share/fonts && exec "$0" --input-type=module -e "$1"',
        process.execPath,
        script,
      ],
      { cwd: process.cwd(), encoding: 'utf8' },
    );
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(readFileSync(out).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const fonts = execFileSync('pdffonts', [out], { encoding: 'utf8' });
    expect(fonts).toMatch(/^LiberationSerif-\w+ /m);
    expect(fonts).toMatch(/^LiberationSerif-Bold-\w+ /m);
    expect(execFileSync('pdftotext', [out, '-'], { encoding: 'utf8' })).toContain('Đôn đốc');
  });
});
