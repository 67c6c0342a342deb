import { describe, expect, it } from 'vitest';
import { argumentErrorVi, parseOptions, parseOptionsOrReason } from '../../../main/cli/commands/args.ts';
import { parseOptions as parseStoreOptions } from '../../../main/cli/commands/store-options.ts';

const OPTIONS = { in: { type: 'string' }, json: { type: 'boolean' } } as const;

/** The reason a parse gives, from whichever of the CLI's three entry points. */
function reason(run: () => unknown): string {
  try {
    const result = run();
    return typeof result === 'string' ? result : 'ok';
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

describe('the CLI option parser (node:util parseArgs, Vietnamese errors)', () => {
  it('says in Vietnamese which option is unknown, lacks its value, or takes none, and which argument is extra', () => {
    expect(reason(() => parseOptionsOrReason(['--typo'], OPTIONS))).toBe('Tùy chọn không hợp lệ: --typo');
    expect(reason(() => parseOptionsOrReason(['--in'], OPTIONS))).toBe('Thiếu giá trị sau --in.');
    expect(reason(() => parseOptionsOrReason(['--json=1'], OPTIONS))).toBe('--json không nhận giá trị.');
    expect(reason(() => parseOptions(['a.pdf'], OPTIONS))).toContain('Thừa tham số: a.pdf');
  });

  it('throws INVALID_INPUT from parseOptions, and the store commands get the same reason as text', () => {
    expect(() => parseOptions(['--typo'], OPTIONS)).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
    expect(parseStoreOptions(['--typo'], { values: ['in'], flags: ['json'] })).toBe('Tùy chọn không hợp lệ: --typo');
    expect(parseStoreOptions(['--in', 'a.pdf', '--json', 'x'], { values: ['in'], flags: ['json'] })).toEqual({
      values: { in: 'a.pdf' },
      flags: new Set(['json']),
      positional: ['x'],
    });
  });

  it('keeps a message it does not know as it is', () => {
    expect(argumentErrorVi(new Error('khác'))).toBe('khác');
  });
});
