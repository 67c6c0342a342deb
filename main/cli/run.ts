import { isVanthuError } from '../../preload/contract/index.ts';
import type { Services } from '../app/services.ts';
import { appVersion } from '../app/version.ts';
import type { CliIo, Command, CommandEntry } from './command.ts';

/**
 * Run `vanthu <command> …`. Expected failures print their Vietnamese message and exit 1
 * (commands choose their own codes for verdicts); bugs print a short line and exit 70.
 */
export async function runCli(
  argv: readonly string[],
  io: CliIo,
  registry: readonly CommandEntry[],
  makeServices: () => Services,
): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === 'help') {
    const commands = await Promise.all(registry.map((entry) => entry.load()));
    io.out(`Văn thư số ${appVersion}\n\nCách dùng: vanthu <lệnh> [tùy chọn]\n\n`);
    for (const command of commands) {
      io.out(`  ${command.name.padEnd(14)} ${command.summary}\n`);
    }
    return name === undefined ? 1 : 0;
  }
  if (name === '--version' || name === '-v') {
    io.out(`${appVersion}\n`);
    return 0;
  }
  const command = await findCommand(registry, name);
  if (command === undefined) {
    io.err(`Không có lệnh "${name}". Xem: vanthu --help\n`);
    return 64;
  }
  if (rest.includes('--help')) {
    io.out(`${command.usage}\n`);
    return 0;
  }
  let services: Services | undefined;
  try {
    return await command.run(rest, { io, services: () => (services ??= makeServices()) });
  } catch (error) {
    if (isVanthuError(error)) {
      if (rest.includes('--json')) {
        io.out(`${JSON.stringify({ ok: false, error: error.toAppError() })}\n`);
      }
      io.err(`Lỗi [${error.code}]: ${error.message}\n`);
      return 1;
    }
    io.err(`Lỗi không mong muốn: ${error instanceof Error ? error.message : String(error)}\n`);
    return 70;
  }
}

/** Load commands one by one until the named one is found (most runs load one or two). */
async function findCommand(registry: readonly CommandEntry[], name: string): Promise<Command | undefined> {
  for (const entry of registry) {
    const command = await entry.load();
    if (command.name === name) {
      return command;
    }
  }
  return undefined;
}
