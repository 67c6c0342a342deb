import { errorMessageVi } from '../../../preload/contract/error-messages.vi.ts';
import { VanthuError } from '../../../preload/contract/vanthu-error.ts';
import type { Handle, Pkcs11Module, TokenInfo } from '../../../native/pkcs11/module.ts';

export interface TokenSelector {
  readonly label?: string;
  readonly serial?: string;
}

export interface FoundToken {
  readonly slot: Handle;
  readonly info: TokenInfo;
}

function describe(selector: TokenSelector): string {
  return [selector.label, selector.serial].filter((s) => s !== undefined && s !== '').join(' / ');
}

/**
 * Find a token by label and/or serial. Never by slot index: SoftHSM and some vendor drivers
 * renumber slots when a token is (re)initialised or re-plugged.
 */
export function findToken(module: Pkcs11Module, selector: TokenSelector): FoundToken {
  if ((selector.label ?? '') === '' && (selector.serial ?? '') === '') {
    throw new VanthuError('INVALID_INPUT', errorMessageVi('INVALID_INPUT', 'Cần nhãn hoặc số sê-ri của token.'));
  }
  const matches: FoundToken[] = [];
  for (const slot of module.slots(true)) {
    const info = module.tokenInfo(slot);
    const labelOk = selector.label === undefined || selector.label === '' || info.label === selector.label;
    const serialOk = selector.serial === undefined || selector.serial === '' || info.serial === selector.serial;
    if (labelOk && serialOk) {
      matches.push({ slot, info });
    }
  }
  const [only, ...others] = matches;
  // Tokens of one CA often share a label; signing with the wrong one would be worse than asking.
  if (only !== undefined && others.length > 0) {
    throw new VanthuError(
      'INVALID_INPUT',
      errorMessageVi(
        'INVALID_INPUT',
        `Có ${matches.length} token cùng nhãn "${describe(selector)}"; chọn theo số sê-ri.`,
      ),
      { details: { serials: matches.map((m) => m.info.serial) } },
    );
  }
  if (only !== undefined) {
    return only;
  }
  throw new VanthuError('TOKEN_ABSENT', errorMessageVi('TOKEN_ABSENT', `Không thấy token "${describe(selector)}".`), {
    retryable: true,
    details: { tokenLabel: selector.label, tokenSerial: selector.serial, modulePath: module.path },
  });
}

/** Bytes of a CKA_ID written as hex ("01", "0a1b"); rejects anything else. */
export function keyIdBytes(keyIdHex: string): Buffer {
  if (!/^(?:[0-9a-fA-F]{2})+$/.test(keyIdHex)) {
    throw new VanthuError('INVALID_INPUT', errorMessageVi('INVALID_INPUT', 'Mã khóa (key id) phải là chuỗi hex.'));
  }
  return Buffer.from(keyIdHex, 'hex');
}
