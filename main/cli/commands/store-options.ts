import { parseArgs } from 'node:util';
import { argumentErrorVi } from './args.ts';

/**
 * Parse `--name value` options and `--flag` switches for the store commands, over the CLI's one
 * parser (node:util parseArgs, strict: a typo never silently does something else). Returns the
 * Vietnamese reason instead of throwing, as these commands print usage with it.
 */
export function parseOptions(
  args: readonly string[],
  spec: { values: readonly string[]; flags?: readonly string[] },
): { values: Record<string, string>; flags: Set<string>; positional: string[] } | string {
  const options = Object.fromEntries([
    ...spec.values.map((name) => [name, { type: 'string' as const }] as const),
    ...(spec.flags ?? []).map((name) => [name, { type: 'boolean' as const }] as const),
  ]);
  try {
    const parsed = parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
    const values: Record<string, string> = {};
    const flags = new Set<string>();
    for (const [name, value] of Object.entries(parsed.values)) {
      if (typeof value === 'string') {
        values[name] = value;
      } else if (value === true) {
        flags.add(name);
      }
    }
    return { values, flags, positional: parsed.positionals };
  } catch (error) {
    return argumentErrorVi(error);
  }
}
