/**
 * Parse `--name value` options and `--flag` switches. Unknown options are an error, so a typo
 * never silently does something else.
 */
export function parseOptions(
  args: readonly string[],
  spec: { values: readonly string[]; flags?: readonly string[] },
): { values: Record<string, string>; flags: Set<string>; positional: string[] } | string {
  const values: Record<string, string> = {};
  const flags = new Set<string>();
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const name = arg.slice(2);
    if (spec.values.includes(name)) {
      const value = args[++i];
      if (value === undefined) {
        return `Thiếu giá trị sau ${arg}.`;
      }
      values[name] = value;
    } else if (spec.flags?.includes(name) === true) {
      flags.add(name);
    } else {
      return `Tùy chọn không hợp lệ: ${arg}`;
    }
  }
  return { values, flags, positional };
}
