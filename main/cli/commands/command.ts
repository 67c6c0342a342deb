import type { Services } from '../../ipc/services.ts';

/** Where a command writes: injected so tests can capture output without spawning. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** Standard input as text (for --pin-stdin); read only when a command asks. */
  readStdin(): Promise<string>;
  readonly env: NodeJS.ProcessEnv;
}

export interface CommandContext {
  readonly io: CliIo;
  /**
   * The whole app, composed on first call. Asynchronous because composing imports every
   * service (SQLite store, sync, tokens, signing): commands that never ask do not pay for it.
   */
  services(): Promise<Services>;
  /** One service: composed alone where the CLI knows how (see `ServiceLoaders`), else taken from the whole app. */
  service<K extends keyof Services>(key: K): Promise<Services[K]>;
}

/**
 * Services the CLI can compose without the whole app, so a command that needs only one of them
 * starts fast (`vanthu verify` is run per file in scripts and is compared with pdfsig).
 */
export type ServiceLoaders = { readonly [K in keyof Services]?: () => Promise<Services[K]> };

/** One `vanthu <name>` command. `run` returns the process exit code. */
export interface Command {
  readonly name: string;
  readonly summary: string;
  readonly usage: string;
  run(args: readonly string[], context: CommandContext): Promise<number>;
}

/** A command in the registry: loaded on demand so start-up stays fast. */
export interface CommandEntry {
  /** The exported symbol, for error messages. */
  readonly id: string;
  /** `Command.name`, known before loading so that running a command loads only its module. */
  readonly name: string;
  load(): Promise<Command>;
}

/** One subcommand: the arguments after its name, and the command's context. */
export type Subcommand = (args: readonly string[], context: CommandContext) => Promise<number>;

/**
 * Runs `vanthu <command> <sub> …` from a table of subcommands; a missing or unknown one prints
 * the usage and exits 64 (EX_USAGE), as every command does for bad input.
 */
export async function runSubcommand(
  args: readonly string[],
  context: CommandContext,
  usage: string,
  table: Readonly<Record<string, Subcommand>>,
): Promise<number> {
  const [name, ...rest] = args;
  const sub = name !== undefined && Object.hasOwn(table, name) ? table[name] : undefined;
  if (sub === undefined) {
    context.io.err(`${usage}\n`);
    return 64;
  }
  return sub(rest, context);
}
