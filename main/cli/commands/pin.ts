import { errorMessageVi } from '../../../preload/contract/error-messages.vi.ts';
import { VanthuError } from '../../../preload/contract/vanthu-error.ts';
import type { CliIo } from './command.ts';

/**
 * The PIN for a CLI command: from standard input with `--pin-stdin` (first line), otherwise
 * from `VANTHU_PIN`. Never from an argument, because arguments show up in `ps` and shell history;
 * a `--pin` argument is refused outright.
 */
export async function readPin(args: readonly string[], io: Pick<CliIo, 'readStdin' | 'env'>): Promise<string> {
  if (args.some((a) => a === '--pin' || a.startsWith('--pin='))) {
    throw new VanthuError(
      'INVALID_INPUT',
      errorMessageVi(
        'INVALID_INPUT',
        'Không nhận mã PIN qua tham số dòng lệnh; dùng biến VANTHU_PIN hoặc --pin-stdin.',
      ),
    );
  }
  let pin: string | undefined;
  if (args.includes('--pin-stdin')) {
    const text = await io.readStdin();
    pin = text.split(/\r?\n/, 1)[0];
  } else {
    pin = io.env['VANTHU_PIN'];
  }
  if (pin === undefined || pin === '') {
    throw new VanthuError(
      'PIN_LEN_RANGE',
      errorMessageVi('PIN_LEN_RANGE', 'Chưa có mã PIN: đặt biến VANTHU_PIN hoặc dùng --pin-stdin.'),
    );
  }
  return pin;
}
