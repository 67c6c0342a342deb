import { parseArgs, type ParseArgsConfig } from 'node:util';
import { errorMessageVi } from '../../../preload/contract/error-messages.vi.ts';
import { VanthuError } from '../../../preload/contract/vanthu-error.ts';

/** Bad command-line input: exit 64 with a Vietnamese reason (see run.ts). */
export function invalid(detail: string): VanthuError {
  return new VanthuError('INVALID_INPUT', errorMessageVi('INVALID_INPUT', detail));
}

/** The quoted name in one of node:util's parseArgs messages ("Unknown option '--foo'"). */
function quoted(message: string): string {
  return /'([^' ]+)[^']*'/.exec(message)?.[1] ?? message;
}

/**
 * node:util's parseArgs reports in English; the CLI speaks Vietnamese. Its error codes are
 * stable, its messages are not, so the reason is chosen by code and only the option is read
 * from the message.
 */
export function argumentErrorVi(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  const message = error instanceof Error ? error.message : String(error);
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `Tùy chọn không hợp lệ: ${quoted(message)}`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return /does not take an argument/.test(message)
        ? `${quoted(message)} không nhận giá trị.`
        : `Thiếu giá trị sau ${quoted(message)}.`;
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return `Thừa tham số: ${quoted(message)}`;
    default:
      return message;
  }
}

/**
 * The one option parser of the CLI: node:util parseArgs, strict (a typo never silently does
 * something else), with its errors in Vietnamese as an INVALID_INPUT VanthuError.
 */
export function parseOptions<T extends NonNullable<ParseArgsConfig['options']>>(
  args: readonly string[],
  options: T,
  allowPositionals = false,
) {
  try {
    return parseArgs({ args: [...args], options, allowPositionals, strict: true });
  } catch (error) {
    throw invalid(argumentErrorVi(error));
  }
}

/** The same parser for commands that print their usage with the reason instead of throwing. */
export function parseOptionsOrReason<T extends NonNullable<ParseArgsConfig['options']>>(
  args: readonly string[],
  options: T,
) {
  try {
    return parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
  } catch (error) {
    return argumentErrorVi(error);
  }
}

/** The value of a required option, or INVALID_INPUT naming it. */
export function required(value: string | undefined, name: string): string {
  if (value === undefined || value === '') {
    throw invalid(`Thiếu --${name}.`);
  }
  return value;
}
