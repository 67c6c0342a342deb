import { errorMessageVi, VanthuError } from '../../../preload/contract/index.ts';
import {
  PreflightRequestSchema,
  type PreflightResult,
  type SignerRole,
  type TokenList,
} from '../../../preload/contract/tokens.ts';
import { withRoleOverride } from '../../services/tokens/role-override.ts';
import type { CliIo, Command } from './command.ts';

const USAGE = `Cách dùng:
  vanthu token list [--module ĐƯỜNG_DẪN]... [--json]
  vanthu token check --module ĐƯỜNG_DẪN --token NHÃN|--serial SỐ --key-id HEX [--role personal|organization] [--json]
  vanthu token role --cert SHA256 --role personal|organization|auto

  list   liệt kê token và chứng thư số (không cần PIN); không có --module thì dùng các
         trình điều khiển đã thêm trong cài đặt và danh mục trình điều khiển đã biết.
  check  kiểm tra trước khi ký (không cần PIN): token, hiệu lực, mục đích sử dụng, vai trò, số lần thử PIN.
  role   ghi nhớ chứng thư số (theo SHA-256 in ở list) là của cá nhân hay cơ quan khi ứng dụng đoán sai;
         auto bỏ lựa chọn đã ghi.
  Mã thoát của check: 0 đạt (có thể kèm cảnh báo), 2 không đạt.`;

function values(args: readonly string[], name: string): string[] {
  const out: string[] = [];
  args.forEach((arg, i) => {
    if (arg === name && args[i + 1] !== undefined) {
      out.push(args[i + 1] as string);
    } else if (arg.startsWith(`${name}=`)) {
      out.push(arg.slice(name.length + 1));
    }
  });
  return out;
}

function value(args: readonly string[], name: string): string | undefined {
  return values(args, name)[0];
}

function printList(list: TokenList, io: CliIo): void {
  for (const m of list.modules) {
    io.out(`${m.ok ? '✔' : '✘'} ${m.path}${m.vendor === undefined ? '' : ` (${m.vendor})`}`);
    io.out(m.ok ? ` ${m.libraryDescription ?? ''}\n` : `: ${m.error?.message ?? ''}\n`);
  }
  if (list.tokens.length === 0) {
    io.out('Không có token nào.\n');
  }
  for (const t of list.tokens) {
    io.out(`\nToken "${t.label}" sê-ri ${t.serial} — ${t.manufacturer} ${t.model}${flagText(t.flags)}\n`);
    for (const c of t.certificates) {
      const ids = c.identifiers.map((i) => `${i.name}: ${i.value}`).join(', ');
      const role = c.roleGuess === 'organization' ? 'cơ quan' : 'cá nhân';
      const how = c.roleOverridden ? ' (đã chọn)' : ' (đoán)';
      io.out(`  [${c.keyIdHex}] ${c.commonName}${ids === '' ? '' : ` (${ids})`} — ${role}${how}\n`);
      io.out(
        `       Cấp bởi: ${c.issuerCommonName}; hiệu lực ${c.notBefore.slice(0, 10)} → ${c.notAfter.slice(0, 10)}\n`,
      );
      io.out(`       Mục đích: ${c.keyUsage.join(', ')}\n`);
      io.out(`       SHA-256: ${c.sha256Hex}\n`);
    }
  }
}

/** The PIN state as the token reports it, before anyone types a PIN. */
function flagText(flags: TokenList['tokens'][number]['flags']): string {
  const notes: string[] = [];
  if (flags.userPinLocked) {
    notes.push('PIN bị khóa');
  } else if (flags.userPinFinalTry) {
    notes.push('còn 1 lần thử PIN');
  } else if (flags.userPinCountLow) {
    notes.push('đã nhập sai PIN, còn ít lần thử');
  }
  if (!flags.userPinInitialized) {
    notes.push('chưa đặt PIN');
  }
  if (flags.userPinToBeChanged) {
    notes.push('cần đổi PIN');
  }
  if (flags.protectedAuthenticationPath) {
    notes.push('nhập PIN trên thiết bị');
  }
  return notes.map((n) => ` [${n}]`).join('');
}

function printPreflight(result: PreflightResult, io: CliIo): void {
  const mark = { ok: '✔', warn: '!', fail: '✘' } as const;
  for (const check of result.checks) {
    io.out(`${mark[check.status]} ${check.message}\n`);
  }
  io.out(result.ok ? 'Sẵn sàng ký.\n' : 'Chưa thể ký.\n');
}

export const tokenCommand: Command = {
  name: 'token',
  summary: 'Liệt kê USB token, kiểm tra chứng thư số trước khi ký (không cần PIN)',
  usage: USAGE,
  async run(args, context) {
    const [sub, ...rest] = args;
    const json = rest.includes('--json');
    if (sub === 'list') {
      const tokens = await context.service('tokens');
      const list = await tokens.list(values(rest, '--module'));
      if (json) {
        context.io.out(`${JSON.stringify(list, null, 2)}\n`);
      } else {
        printList(list, context.io);
      }
      return 0;
    }
    if (sub === 'check') {
      const label = value(rest, '--token');
      const serial = value(rest, '--serial');
      const parsed = PreflightRequestSchema.safeParse({
        modulePath: value(rest, '--module'),
        token: { ...(label === undefined ? {} : { label }), ...(serial === undefined ? {} : { serial }) },
        keyIdHex: value(rest, '--key-id'),
        role: value(rest, '--role') as SignerRole | undefined,
      });
      if (!parsed.success) {
        throw new VanthuError('INVALID_INPUT', errorMessageVi('INVALID_INPUT', 'Xem: vanthu token --help'), {
          details: { issues: parsed.error.issues.map((i) => i.path.join('.')) },
        });
      }
      const tokens = await context.service('tokens');
      const result = await tokens.preflight(parsed.data);
      if (json) {
        context.io.out(`${JSON.stringify(result, null, 2)}\n`);
      } else {
        printPreflight(result, context.io);
      }
      return result.ok ? 0 : 2;
    }
    if (sub === 'role') {
      const cert = value(rest, '--cert') ?? '';
      const role = value(rest, '--role');
      if (!/^[0-9a-fA-F]{64}$/.test(cert) || (role !== 'personal' && role !== 'organization' && role !== 'auto')) {
        throw new VanthuError('INVALID_INPUT', errorMessageVi('INVALID_INPUT', 'Xem: vanthu token --help'));
      }
      const settings = await context.service('settings');
      const next = withRoleOverride(settings.get().tokens.roleOverrides, cert, role === 'auto' ? null : role);
      settings.update({ tokens: { roleOverrides: { ...next } } });
      context.io.out(
        role === 'auto'
          ? 'Đã bỏ lựa chọn; vai trò sẽ được đoán.\n'
          : `Đã ghi nhớ: chứng thư số của ${role === 'organization' ? 'cơ quan' : 'cá nhân'}.\n`,
      );
      return 0;
    }
    context.io.err(`${USAGE}\n`);
    return 64;
  },
};
