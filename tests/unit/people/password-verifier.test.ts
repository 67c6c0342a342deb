import { describe, expect, it } from 'vitest';
import { checkVerifier, createVerifier } from '../../../main/services/people/password-verifier.ts';

describe('password verifier (offline sign-in)', () => {
  it('accepts the password it was made from and nothing else; two verifiers of one password differ (salt)', async () => {
    const a = await createVerifier('Mật khẩu 2026!');
    const b = await createVerifier('Mật khẩu 2026!');
    expect(a).not.toBe(b);
    expect(a).not.toContain('Mật khẩu');
    expect(await checkVerifier(a, 'Mật khẩu 2026!')).toBe(true);
    // NFC and NFD spellings of the same Vietnamese text are the same password.
    expect(await checkVerifier(a, 'Mật khẩu 2026!'.normalize('NFD'))).toBe(true);
    expect(await checkVerifier(a, 'mật khẩu 2026!')).toBe(false);
    expect(await checkVerifier(a, '')).toBe(false);
  });

  it('refuses malformed or tampered verifiers instead of throwing or accepting', async () => {
    const good = await createVerifier('x');
    const parts = good.split('$');
    expect(await checkVerifier('plain-text', 'x')).toBe(false);
    expect(await checkVerifier(['bcrypt', ...parts.slice(1)].join('$'), 'x')).toBe(false);
    expect(await checkVerifier([...parts.slice(0, 1), '99999999', ...parts.slice(2)].join('$'), 'x')).toBe(false);
    expect(await checkVerifier([...parts.slice(0, 5), 'AAAA'].join('$'), 'x')).toBe(false);
  });
});
