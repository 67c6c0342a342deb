import { describe, expect, it } from 'vitest';
import type { CertificateInfo, TokenList, TokenSummary } from '../../preload/contract/tokens.ts';
import { choiceKey, choicesFrom } from '../../renderer/shared/signing/signer-choice.ts';
import { hasErrors } from '../../renderer/app/forms/field-errors.ts';

const certificate = (keyIdHex: string, roleGuess: CertificateInfo['roleGuess']): CertificateInfo => ({
  keyIdHex,
  subject: `CN=${keyIdHex}`,
  commonName: keyIdHex,
  issuer: 'CN=CA',
  issuerCommonName: 'CA',
  serialNumber: '01',
  identifiers: [],
  notBefore: '',
  notAfter: '',
  keyUsage: [],
  extKeyUsage: [],
  keyAlgorithm: 'rsa',
  keyObjectFound: true,
  roleGuess,
  roleOverridden: false,
  sha256Hex: keyIdHex.padEnd(64, '0'),
});
const token = (serial: string, certificates: CertificateInfo[]): TokenSummary => ({
  modulePath: '/usr/lib/softhsm/libsofthsm2.so',
  slotDescription: '',
  label: serial,
  serial,
  manufacturer: '',
  model: '',
  flags: {
    loginRequired: true,
    userPinInitialized: true,
    userPinCountLow: false,
    userPinFinalTry: false,
    userPinLocked: false,
    userPinToBeChanged: false,
    protectedAuthenticationPath: false,
  },
  minPinLen: 4,
  maxPinLen: 16,
  certificates,
});

describe('choosing the certificate to sign with (renderer/features/signing/signer-choice.ts)', () => {
  const list: TokenList = {
    modules: [],
    tokens: [
      token('A', [certificate('a1', 'organization'), certificate('a2', 'personal')]),
      token('B', [certificate('b1', 'personal')]),
    ],
  };

  it('lists every certificate of every token, the ones guessed for the role first', () => {
    const keys = (role: 'personal' | 'organization'): string[] =>
      choicesFrom(list, role).map((c) => c.certificate.keyIdHex);
    expect(keys('personal')).toEqual(['a2', 'b1', 'a1']);
    expect(keys('organization')).toEqual(['a1', 'a2', 'b1']);
  });

  it('keys a choice by module, token serial and key id, so two tokens never collide', () => {
    const [first] = choicesFrom(list, 'personal');
    expect(first && choiceKey(first)).toBe('/usr/lib/softhsm/libsofthsm2.so|A|a2');
  });
});

describe('field errors (renderer/app/forms/field-errors.ts)', () => {
  it('counts a form with any message as in error, and one without as valid', () => {
    expect(hasErrors({})).toBe(false);
    expect(hasErrors({ kyHieu: undefined })).toBe(false);
    expect(hasErrors({ kyHieu: 'Bắt buộc' })).toBe(true);
  });
});
