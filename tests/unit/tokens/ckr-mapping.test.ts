import { describe, expect, it } from 'vitest';
import { errorTextVi } from '../../../preload/contract/index.ts';
import { CKR } from '../../../native/pkcs11/ckr.ts';
import { mapCkr, moduleLoadError, pinTriesHint, toVanthuError } from '../../../native/pkcs11/errors.ts';

const COUNT_LOW = 0x10000;
const FINAL_TRY = 0x20000;
const LOCKED = 0x40000;

describe('CKR → ErrorCode for what SoftHSM2 cannot produce', () => {
  it.each([
    [CKR.CKR_PIN_LOCKED, 'PIN_LOCKED'],
    [CKR.CKR_PIN_EXPIRED, 'PIN_EXPIRED'],
    [CKR.CKR_PIN_INVALID, 'PIN_LEN_RANGE'],
    [CKR.CKR_TOKEN_NOT_PRESENT, 'TOKEN_ABSENT'],
    [CKR.CKR_TOKEN_NOT_RECOGNIZED, 'TOKEN_ABSENT'],
    [CKR.CKR_DEVICE_REMOVED, 'TOKEN_REMOVED'],
    [CKR.CKR_SESSION_HANDLE_INVALID, 'TOKEN_REMOVED'],
    [CKR.CKR_SESSION_CLOSED, 'TOKEN_REMOVED'],
    [CKR.CKR_MECHANISM_INVALID, 'MECHANISM_UNSUPPORTED'],
    [CKR.CKR_KEY_TYPE_INCONSISTENT, 'MECHANISM_UNSUPPORTED'],
    [CKR.CKR_KEY_HANDLE_INVALID, 'KEY_NOT_FOUND'],
    [CKR.CKR_KEY_FUNCTION_NOT_PERMITTED, 'CERT_KEY_USAGE'],
    [CKR.CKR_GENERAL_ERROR, 'TOKEN_GENERAL_ERROR'],
    [CKR.CKR_FUNCTION_FAILED, 'TOKEN_GENERAL_ERROR'],
    [CKR.CKR_DEVICE_ERROR, 'TOKEN_GENERAL_ERROR'],
    [CKR.CKR_FUNCTION_CANCELED, 'TOKEN_GENERAL_ERROR'],
    [CKR.CKR_LIBRARY_LOAD_FAILED, 'MODULE_LOAD_FAILED'],
  ])('0x%s → %s with the catalog sentence and the CKR name', (ckr, code) => {
    const error = mapCkr(ckr, { method: 'C_Login', tokenLabel: 'VNPT-CA' });
    expect(error.code).toBe(code);
    expect(error.message.startsWith(errorTextVi[error.code].message)).toBe(true);
    expect(error.details).toMatchObject({ method: 'C_Login', tokenLabel: 'VNPT-CA' });
    expect(String(error.details?.['ckr'])).toMatch(/^CKR_/);
  });

  it('says honestly that the driver returned a general error (some report wrong PINs that way)', () => {
    expect(mapCkr(CKR.CKR_GENERAL_ERROR).message).toContain('lỗi chung');
  });

  it('an unknown return value becomes TOKEN_GENERAL_ERROR naming the code', () => {
    const error = mapCkr(0x8000_0001);
    expect(error.code).toBe('TOKEN_GENERAL_ERROR');
    expect(error.message).toContain('CKR_0x80000001');
  });

  it('reads tries left from the token flags', () => {
    expect(pinTriesHint(0)).toBeUndefined();
    expect(pinTriesHint(COUNT_LOW)).toBe('low');
    expect(pinTriesHint(COUNT_LOW | FINAL_TRY)).toBe('final');
    expect(pinTriesHint(LOCKED | FINAL_TRY)).toBe('locked');
    expect(mapCkr(CKR.CKR_PIN_INCORRECT, { tokenFlags: FINAL_TRY }).message).toContain('Chỉ còn 1 lần thử');
  });

  it('a wrong PIN that locked the token is reported as PIN_LOCKED, naming who unblocks it', () => {
    const error = mapCkr(CKR.CKR_PIN_INCORRECT, { tokenFlags: LOCKED });
    expect(error.code).toBe('PIN_LOCKED');
    expect(errorTextVi.PIN_LOCKED.action).toContain('cấp chứng thư số');
  });

  it('maps pkcs11js errors by their numeric code and keeps the method', () => {
    const native = Object.assign(new Error('CKR_DEVICE_REMOVED'), { code: CKR.CKR_DEVICE_REMOVED, method: 'C_Sign' });
    const error = toVanthuError(native);
    expect(error.code).toBe('TOKEN_REMOVED');
    expect(error.details).toMatchObject({ method: 'C_Sign', ckr: 'CKR_DEVICE_REMOVED' });
  });

  it('explains a module of the wrong bitness and a missing DLL', () => {
    expect(moduleLoadError('x.so', new Error('wrong ELF class: ELFCLASS32')).message).toContain('32/64-bit');
    expect(moduleLoadError('C:/x.dll', new Error('%1 is not a valid Win32 application')).message).toContain(
      '32/64-bit',
    );
    expect(moduleLoadError('x.so', new Error('x.so: cannot open shared object file')).message).toContain(
      'Không tìm thấy',
    );
    expect(moduleLoadError('x.so', new Error('boom')).code).toBe('MODULE_LOAD_FAILED');
  });
});
