import { renameSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadPrintableRegister } from '../../services/store/register-rows.ts';
import { printRegisterPdf } from '../../services/registers/print-register.ts';
import { openProfileStore } from '../../services/store/profile-store.ts';
import { runSubcommand, type CommandContext, type Command } from './command.ts';
import { parseOptions } from './store-options.ts';

const USAGE = `Cách dùng:
  vanthu register print --kind den|di --year 2026 --out FILE.pdf [--from-date YYYY-MM-DD] [--to-date YYYY-MM-DD] [--from-so N] [--to-so N]
  vanthu register lease --kind den|di --year 2026 --from N [--to M]   (khối số do hệ thống cấp; không có --to: sổ dùng riêng một máy)`;

function kindAndYear(values: Record<string, string>): { kind: 'den' | 'di'; year: number } | string {
  const kind = values['kind'];
  const year = Number(values['year']);
  if (kind !== 'den' && kind !== 'di') {
    return '--kind phải là den hoặc di.';
  }
  if (!Number.isInteger(year) || year < 2000 || year > 2100) {
    return '--year không hợp lệ.';
  }
  return { kind, year };
}

const optionalNumber = (value: string | undefined): number | undefined =>
  value === undefined ? undefined : Number(value);

/** From this many rows on, printing reports its progress page by page. */
const LONG_REGISTER_ROWS = 500;

async function print(args: readonly string[], { io, services }: CommandContext): Promise<number> {
  const options = parseOptions(args, { values: ['kind', 'year', 'out', 'from-date', 'to-date', 'from-so', 'to-so'] });
  const key = typeof options === 'string' ? options : kindAndYear(options.values);
  if (typeof options === 'string' || typeof key === 'string' || options.values['out'] === undefined) {
    io.err(`${typeof key === 'string' ? key : 'Thiếu --out.'}\n${USAGE}\n`);
    return 64;
  }
  const { profile, settings } = await services();
  const opened = openProfileStore(profile, settings, io.env);
  try {
    const register = opened.store.context.registers.ensure({ maDinhDanh: opened.store.context.maDinhDanh, ...key });
    const fromDate = options.values['from-date'];
    const toDate = options.values['to-date'];
    const fromSo = optionalNumber(options.values['from-so']);
    const toSo = optionalNumber(options.values['to-so']);
    const printable = loadPrintableRegister(opened.db, register, {
      ...(fromDate === undefined ? {} : { fromDate }),
      ...(toDate === undefined ? {} : { toDate }),
      ...(fromSo === undefined ? {} : { fromSo }),
      ...(toSo === undefined ? {} : { toSo }),
    });
    // A year of a busy office is thousands of rows: say how far it is (stderr, so --out pipes stay clean).
    const long = printable.rows.length >= LONG_REGISTER_ROWS;
    const bytes = await printRegisterPdf(printable, (done, total) => {
      if (long) {
        io.err(`Đang in sổ: ${done}/${total} dòng\n`);
      }
    });
    const out = resolve(options.values['out']);
    writeFileSync(`${out}.tmp`, bytes);
    renameSync(`${out}.tmp`, out);
    io.out(`Đã in sổ (${printable.rows.length} văn bản) ra ${out}.\n`);
    return 0;
  } finally {
    opened.close();
  }
}

async function lease(args: readonly string[], { io, services }: CommandContext): Promise<number> {
  const options = parseOptions(args, { values: ['kind', 'year', 'from', 'to'] });
  const key = typeof options === 'string' ? options : kindAndYear(options.values);
  const from = typeof options === 'string' ? NaN : Number(options.values['from']);
  if (typeof options === 'string' || typeof key === 'string' || !Number.isInteger(from) || from < 1) {
    io.err(`${typeof key === 'string' ? key : 'Thiếu hoặc sai --from.'}\n${USAGE}\n`);
    return 64;
  }
  const to = optionalNumber(options.values['to']);
  const { profile, settings } = await services();
  const opened = openProfileStore(profile, settings, io.env);
  try {
    const register = opened.store.context.registers.ensure({ maDinhDanh: opened.store.context.maDinhDanh, ...key });
    opened.store.context.registers.addLease(register.id, { firstNumber: from, lastNumber: to ?? null });
    io.out(`Đã ghi khối số ${from}–${to ?? '∞'} cho sổ ${key.kind === 'den' ? 'đến' : 'đi'} năm ${key.year}.\n`);
    return 0;
  } finally {
    opened.close();
  }
}

export const registerCommand: Command = {
  name: 'register',
  summary: 'In sổ đăng ký văn bản đến/đi (Phụ lục IV) và ghi khối số',
  usage: USAGE,
  run: (args, context) => runSubcommand(args, context, USAGE, { print, lease }),
};
