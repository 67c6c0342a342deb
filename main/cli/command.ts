import type { Services } from '../app/services.ts';

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
  /** Built lazily: commands such as `--version` need no profile. */
  services(): Services;
}

/** One `vanthu <name>` command. `run` returns the process exit code. */
export interface Command {
  readonly name: string;
  readonly summary: string;
  readonly usage: string;
  run(args: readonly string[], context: CommandContext): Promise<number>;
}

/** A command in the registry: loaded on demand so start-up stays fast. */
export interface CommandEntry {
  /** The exported symbol, for error messages; the user-facing name is `Command.name`. */
  readonly id: string;
  load(): Promise<Command>;
}
