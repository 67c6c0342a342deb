import type { Command } from './command.ts';
import { readSecret } from './secret-input.ts';
import { headlessKeySources } from '../../services/vault/cli-key.ts';
import { encryptProfile, needsEncryption } from '../../services/vault/encrypt-profile.ts';
import { encryptProgressLine } from '../../services/vault/encrypt-progress-text.ts';
import { isProfileEncrypted, rewrapProfileKey, unlockProfileKey } from '../../services/vault/profile-vault.ts';
import { recoveryKeyNotice } from '../../services/vault/recovery-notice.ts';

export const encryptCommand: Command = {
  name: 'encrypt',
  summary: 'Mã hóa hồ sơ làm việc (cơ sở dữ liệu và tệp đã lưu) và in khóa khôi phục',
  usage: 'vanthu encrypt [--passphrase-stdin]   (mật khẩu khóa hồ sơ: dòng đầu stdin hoặc VANTHU_KEY_PASSPHRASE)',
  async run(args, { io, services }) {
    const { profile } = await services();
    if (isProfileEncrypted(profile.root) && !needsEncryption(profile)) {
      io.out('Hồ sơ đã được mã hóa.\n');
      return 0;
    }
    const passphrase = await readSecret(args, io, '--passphrase-stdin', 'VANTHU_KEY_PASSPHRASE');
    const sources = {
      ...headlessKeySources(profile.root, io.env),
      ...(passphrase === undefined ? {} : { passphrase }),
    };
    const { recoveryKey } = encryptProfile(profile, sources, (p) => io.err(`${encryptProgressLine(p)}\n`));
    if (recoveryKey !== null) {
      io.out(recoveryKeyNotice(recoveryKey));
    }
    io.out(
      `Khóa hồ sơ được giữ trong ${sources.keyFile}${passphrase === undefined ? '' : ' (bảo vệ bằng mật khẩu)'}.\n`,
    );
    return 0;
  },
};

export const unlockCommand: Command = {
  name: 'unlock',
  summary: 'Mở khóa hồ sơ đã mã hóa bằng khóa khôi phục và lưu lại khóa trên máy này',
  usage: 'vanthu unlock [--recovery-key-stdin]   (khóa khôi phục: dòng đầu stdin hoặc VANTHU_RECOVERY_KEY)',
  async run(args, { io, services }) {
    const { profile } = await services();
    const sources = headlessKeySources(profile.root, io.env);
    const recoveryKey = await readSecret(args, io, '--recovery-key-stdin', 'VANTHU_RECOVERY_KEY');
    if (recoveryKey === undefined) {
      unlockProfileKey(sources);
      io.out(`Hồ sơ mở được bằng tệp khóa ${sources.keyFile}; không cần khóa khôi phục.\n`);
      return 0;
    }
    const key = unlockProfileKey({ ...sources, recoveryKey });
    rewrapProfileKey(sources, key);
    io.out(`Đã mở khóa hồ sơ bằng khóa khôi phục. Khóa hồ sơ được lưu lại trong ${sources.keyFile}.\n`);
    return 0;
  },
};
