import { resolve } from 'node:path';
import { backupStore } from '../../services/store/backup.ts';
import { backupEncryption } from '../../services/vault/backup-key.ts';
import { cliProfileKey, headlessKeySources } from '../../services/vault/cli-key.ts';
import { restoreProfile } from '../../services/store/restore-profile.ts';
import { readSecret } from './secret-input.ts';
import { openProfileStore } from '../../services/store/profile-store.ts';
import type { Command } from './command.ts';
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
    const key = cliProfileKey(profile.root, io.env);
    const opened = openProfileStore(profile, settings, io.env, key);
    try {
      const result = backupStore(
        opened.db,
        profile.files,
        resolve(options.values['out']),
        key === undefined ? undefined : backupEncryption(profile.root, key),
      );
      settings.update({ preferences: { lastBackupAt: new Date().toISOString() } });
      io.out(`Đã sao lưu vào ${result.path} (${Math.ceil(result.bytes / 1024)} KB).\n`);
      io.out(
        result.encrypted
          ? 'Bản sao lưu đã được mã hóa bằng khóa khôi phục: muốn khôi phục phải có khóa khôi phục (8 nhóm 4 ký tự in lúc thiết lập).\n'
          : 'Lưu ý: bản sao lưu CHƯA mã hóa vì hồ sơ chưa được mã hóa (chạy: vanthu encrypt). Hãy cất ở nơi an toàn.\n',
      );
      return 0;
    } finally {
      opened.close();
    }
  },
};

export const restoreCommand: Command = {
  name: 'restore',
  summary: 'Khôi phục từ tệp sao lưu (đóng ứng dụng trước khi khôi phục)',
  usage:
    'vanthu restore FILE [--recovery-key-stdin]   (bản sao lưu đã mã hóa: khóa khôi phục ở dòng đầu stdin hoặc VANTHU_RECOVERY_KEY)',
  async run(args, { io, services }) {
    const rest = args.filter((a) => a !== '--recovery-key-stdin');
    const file = rest[0];
    if (file === undefined || rest.length !== 1) {
      io.err(`${this.usage}\n`);
      return 64;
    }
    const { profile } = await services();
    const recoveryKey = await readSecret(args, io, '--recovery-key-stdin', 'VANTHU_RECOVERY_KEY');
    const report = restoreProfile(profile, resolve(file), {
      ...headlessKeySources(profile.root, io.env),
      ...(recoveryKey === undefined ? {} : { recoveryKey }),
    });
    io.out(
      `Đã khôi phục: ${report.documents} văn bản đến, ${report.files} tệp, nhật ký ${report.auditEntries} mục (đã kiểm tra toàn vẹn).\n`,
    );
    if (report.encrypted) {
      io.out('Hồ sơ đã khôi phục được mã hóa; khóa hồ sơ được lưu lại trên máy này.\n');
    }
    return 0;
  },
};
