import { readFileSync } from 'node:fs';
import { errorMessageVi, VanthuError } from '../../../preload/contract/index.ts';
import { IncomingInputSchema, type IncomingDocument } from '../../../preload/contract/incoming.ts';
import { backupReminderDue } from '../../domain/backup-reminder.ts';
import { INCOMING_STATE_LABEL_VI } from '../../../preload/contract/workflow.ts';
import { formatSoKyHieu } from '../../domain/so-ky-hieu.ts';
import { displayDate } from '../../domain/vietnam-time.ts';
import { openProfileStore } from '../../services/store/profile-store.ts';
import { runSubcommand, type CliIo, type Command, type CommandContext } from './command.ts';
import { parseOptions } from './store-options.ts';

const USAGE = `Cách dùng:
  vanthu incoming add --file X.pdf --json-meta META.json [--original NGUON.docx] [--scan-reason LÝ_DO] [--json]
  vanthu incoming list [--search TEXT] [--limit N] [--json]`;

function readMeta(path: string) {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new VanthuError('INVALID_INPUT', errorMessageVi('INVALID_INPUT', `(không đọc được ${path})`), {
      cause: error,
    });
  }
  const parsed = IncomingInputSchema.safeParse(raw);
  if (!parsed.success) {
    throw new VanthuError('INVALID_INPUT', errorMessageVi('INVALID_INPUT'), {
      details: { issues: parsed.error.issues.map((i) => ({ path: i.path.map(String), message: i.message })) },
    });
  }
  return parsed.data;
}

function line(doc: IncomingDocument): string {
  return `${doc.soDenHienThi.padStart(5)}  ${displayDate(doc.ngayDen)}  ${formatSoKyHieu(doc.so, doc.kyHieu).padEnd(18)}  ${doc.coQuanBanHanh} — ${doc.trichYeu} [${INCOMING_STATE_LABEL_VI[doc.state]}]\n`;
}

async function add(args: readonly string[], { io, services }: CommandContext): Promise<number> {
  const options = parseOptions(args, { values: ['file', 'json-meta', 'original', 'scan-reason'], flags: ['json'] });
  if (typeof options === 'string' || options.values['json-meta'] === undefined) {
    io.err(`${typeof options === 'string' ? options : 'Thiếu --json-meta.'}\n${USAGE}\n`);
    return 64;
  }
  const input = readMeta(options.values['json-meta']);
  const { profile, settings } = await services();
  const opened = openProfileStore(profile, settings, io.env);
  try {
    const file = options.values['file'];
    const original = options.values['original'];
    const scanReason = options.values['scan-reason'];
    const result = opened.store.addIncoming(
      input,
      file === undefined
        ? undefined
        : {
            path: file,
            ...(original === undefined ? {} : { originalPath: original }),
            ...(scanReason === undefined ? {} : { scanReason }),
          },
    );
    if (options.flags.has('json')) {
      io.out(`${JSON.stringify({ ok: true, value: result })}\n`);
    } else {
      const doc = result.document;
      io.out(`Đã đăng ký văn bản đến số ${doc.soDenHienThi}, ngày đến ${displayDate(doc.ngayDen)}.\n`);
      if (doc.soDen === null) {
        io.out('Số đến tạm thời (T-…): sẽ được thay bằng số chính thức khi đồng bộ.\n');
      }
      if (backupReminderDue(settings.get().preferences.lastBackupAt, new Date())) {
        io.out('Nhắc: đã hơn một ngày chưa sao lưu. Chạy: vanthu backup --out <tệp>\n');
      }
      for (const dup of result.duplicates) {
        io.out(
          `Cảnh báo: có thể trùng văn bản đã đăng ký số đến ${dup.soDenHienThi} (${dup.reason === 'ma-dinh-danh-van-ban' ? 'cùng mã định danh văn bản' : 'cùng số, ký hiệu và cơ quan ban hành'}).\n`,
        );
      }
    }
    return 0;
  } finally {
    opened.close();
  }
}

async function list(args: readonly string[], { io, services }: CommandContext): Promise<number> {
  const options = parseOptions(args, { values: ['search', 'limit'], flags: ['json'] });
  if (typeof options === 'string') {
    io.err(`${options}\n${USAGE}\n`);
    return 64;
  }
  const { profile, settings } = await services();
  const opened = openProfileStore(profile, settings, io.env);
  try {
    const search = options.values['search'];
    const docs = opened.store.listIncoming({
      ...(search === undefined ? {} : { search }),
      limit: Number(options.values['limit'] ?? 100),
    });
    if (options.flags.has('json')) {
      io.out(`${JSON.stringify({ ok: true, value: docs })}\n`);
    } else {
      printList(io, docs);
    }
    return 0;
  } finally {
    opened.close();
  }
}

function printList(io: CliIo, docs: readonly IncomingDocument[]): void {
  if (docs.length === 0) {
    io.out('Không có văn bản đến nào.\n');
    return;
  }
  for (const doc of docs) {
    io.out(line(doc));
  }
}

export const incomingCommand: Command = {
  name: 'incoming',
  summary: 'Đăng ký và tra cứu văn bản đến (dùng được khi mất kết nối)',
  usage: USAGE,
  run: (args, context) => runSubcommand(args, context, USAGE, { add, list }),
};
