import { openProfileStore } from '../../services/store/profile-store.ts';
import type { Command } from './command.ts';

/** Exit codes: 0 the chain verifies, 2 it is broken (an entry was edited or deleted). */
export const auditCommand: Command = {
  name: 'audit',
  summary: 'Kiểm tra tính toàn vẹn của nhật ký thao tác',
  usage: 'vanthu audit verify [--json]',
  async run(args, { io, services }) {
    if (args[0] !== 'verify') {
      io.err(`${this.usage}\n`);
      return 64;
    }
    const { profile, settings } = await services();
    const opened = openProfileStore(profile, settings, io.env);
    try {
      const verdict = opened.store.verifyAudit();
      if (args.includes('--json')) {
        io.out(`${JSON.stringify(verdict)}\n`);
      } else if (verdict.ok) {
        io.out(`Nhật ký toàn vẹn: ${verdict.entries} mục, mã băm cuối ${verdict.headHash.slice(0, 16)}…\n`);
      } else {
        io.out(
          `NHẬT KÝ ĐÃ BỊ ${verdict.reason === 'edited' ? 'SỬA' : 'XÓA'} tại mục ${verdict.brokenAt} (đã kiểm ${verdict.entries} mục hợp lệ). Báo ngay cho quản trị hệ thống.\n`,
        );
      }
      return verdict.ok ? 0 : 2;
    } finally {
      opened.close();
    }
  },
};
