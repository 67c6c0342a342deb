import type { CliIo } from './command.ts';

/**
 * A secret for a CLI command (recovery key, passphrase): the first line of standard input with
 * `--<name>-stdin`, otherwise the environment variable. Never an argument: arguments show up in
 * `ps` and in shell history.
 */
export async function readSecret(
  args: readonly string[],
  io: Pick<CliIo, 'readStdin' | 'env'>,
  flag: string,
  variable: string,
): Promise<string | undefined> {
  if (args.includes(flag)) {
    const line = (await io.readStdin()).split(/\r?\n/, 1)[0];
    return line === undefined || line === '' ? undefined : line;
  }
  const value = io.env[variable];
  return value === undefined || value === '' ? undefined : value;
}
