import type { Services } from '../ipc/services.ts';
import { appVersion } from '../platform/version.ts';
import type { CliIo, Command, CommandContext, CommandEntry, ServiceLoaders } from './commands/command.ts';

/**
 * Run `vanthu <command> …`. Expected failures print their Vietnamese message and exit 1
 * (commands choose their own codes for verdicts); bugs print a short line and exit 70.
 */
export async function runCli(
  argv: readonly string[],
  io: CliIo,
  registry: readonly CommandEntry[],
  makeServices: () => Services | Promise<Services>,
  loaders: ServiceLoaders = {},
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
  try {
    return await command.run(rest, createCommandContext(io, makeServices, loaders));
  } catch (error) {
    // Imported here: the contract pulls in zod, which `vanthu --version` has no use for.
    const { isVanthuError } = await import('../../preload/contract/errors.ts');
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

/** Load the named command's module only; the others stay unloaded. */
async function findCommand(registry: readonly CommandEntry[], name: string): Promise<Command | undefined> {
  const entry = registry.find((e) => e.name === name);
  if (entry === undefined) {
    return undefined;
  }
  const command = await entry.load();
  if (command.name !== name) {
    throw new Error(`${entry.id} is registered as "${name}" but is named "${command.name}"`);
  }
  return command;
}

/** Composed on first use and kept for the run; once the whole app exists, single services come from it. */
export function createCommandContext(
  io: CliIo,
  makeServices: () => Services | Promise<Services>,
  loaders: ServiceLoaders = {},
): CommandContext {
  let all: Promise<Services> | undefined;
  const services = (): Promise<Services> => (all ??= Promise.resolve().then(makeServices));
  const alone = new Map<keyof Services, Promise<unknown>>();
  return {
    io,
    services,
    service<K extends keyof Services>(key: K): Promise<Services[K]> {
      const load = loaders[key] as (() => Promise<Services[K]>) | undefined;
      if (all !== undefined || load === undefined) {
        return services().then((s) => s[key]);
      }
      let pending = alone.get(key) as Promise<Services[K]> | undefined;
      if (pending === undefined) {
        pending = load();
        alone.set(key, pending);
      }
      return pending;
    },
  };
}
