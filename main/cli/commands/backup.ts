import { resolve } from 'node:path';
import { backupStore, restoreStore } from '../../services/store/backup.ts';
import { openProfileStore } from '../../services/store/profile-store.ts';
import type { Command } from '../command.ts';
import { parseOptions } from './store-options.ts';

export const backupCommand: Command = {
  name: 'backup',
  summary: 'Sao lưu cơ sở dữ liệu và tệp đính kèm vào một tệp (dùng được khi ứng dụng đang chạy)',
  usage: 'vanthu backup --out FILE',
  async run(args, { io, services }) {
    const options = parseOptions(args, { values: ['out'] });
    if (typeof options === 'string' || options.values['out'] === undefined) {
      io.err(`${typeof options === 'string' ? options : 'Thiếu --out.'}\n${this.usage}\n`);
      return 64;
    }
    const { profile, settings } = await services();
    const opened = openProfileStore(profile, settings, io.env);
    try {
      const result = backupStore(opened.db, profile.files, resolve(options.values['out']));
      settings.update({ preferences: { lastBackupAt: new Date().toISOString() } });
      io.out(`Đã sao lưu vào ${result.path} (${Math.ceil(result.bytes / 1024)} KB).\n`);
      return 0;
    } finally {
      opened.close();
    }
  },
};

export const restoreCommand: Command = {
  name: 'restore',
  summary: 'Khôi phục từ tệp sao lưu (đóng ứng dụng trước khi khôi phục)',
  usage: 'vanthu restore FILE',
  async run(args, { io, services }) {
    const file = args[0];
    if (file === undefined || args.length !== 1) {
      io.err(`${this.usage}\n`);
      return 64;
    }
    const { profile } = await services();
    const report = restoreStore(resolve(file), profile.database, profile.files);
    io.out(
      `Đã khôi phục: ${report.documents} văn bản đến, ${report.files} tệp, nhật ký ${report.auditEntries} mục (đã kiểm tra toàn vẹn).\n`,
    );
    return 0;
  },
};
