import { describe, expect, it } from 'vitest';
import type { CertificateInfo, TokenSummary } from '../../../preload/contract/tokens.ts';
import { guessRole, parseIdentifier } from '../../../main/services/tokens/certificate-info.ts';
import { preflightChecks } from '../../../main/services/tokens/preflight.ts';

const now = new Date('2026-11-22T00:00:00Z');
const cert: CertificateInfo = {
  keyIdHex: '01',
  subject: 'CN=Nguyễn Văn A',
  commonName: 'Nguyễn Văn A',
  issuer: 'CN=CA',
  issuerCommonName: 'CA',
  serialNumber: '10',
  identifiers: [{ kind: 'CCCD', name: 'Căn cước công dân', value: '001' }],
  notBefore: '2026-01-01T00:00:00Z',
  notAfter: '2028-01-01T00:00:00Z',
  keyUsage: ['digitalSignature'],
  extKeyUsage: [],
  keyAlgorithm: 'rsa',
  keyObjectFound: true,
  roleGuess: 'personal',
  roleOverridden: false,
  sha256Hex: 'ab'.repeat(32),
};
const flags: TokenSummary['flags'] = {
  loginRequired: true,
  userPinInitialized: true,
  userPinCountLow: false,
  userPinFinalTry: false,
  userPinLocked: false,
  userPinToBeChanged: false,
  protectedAuthenticationPath: false,
};
const token = (f: Partial<TokenSummary['flags']> = {}, c: Partial<CertificateInfo> = {}): TokenSummary => ({
  modulePath: 'x.dll',
  slotDescription: '',
  label: 'VNPT',
  serial: '1',
  manufacturer: '',
  model: '',
  flags: { ...flags, ...f },
  minPinLen: 4,
  maxPinLen: 16,
  certificates: [{ ...cert, ...c }],
});
const pin = (t: TokenSummary) => preflightChecks(t, '01', undefined, now).checks.find((c) => c.name === 'pin');

describe('pre-flight rules SoftHSM2 cannot show', () => {
  it('fails a locked PIN before any prompt', () => {
    const result = preflightChecks(token({ userPinLocked: true }), '01', undefined, now);
    expect(result.ok).toBe(false);
    expect(pin(token({ userPinLocked: true }))).toMatchObject({ status: 'fail', code: 'PIN_LOCKED' });
  });

  it('warns on the final PIN try and on a PIN to be changed', () => {
    expect(pin(token({ userPinFinalTry: true, userPinCountLow: true }))?.message).toContain('Chỉ còn 1 lần');
    expect(pin(token({ userPinToBeChanged: true }))).toMatchObject({ status: 'warn', code: 'PIN_EXPIRED' });
  });

  it('tells PIN-pad users to type on the device', () => {
    expect(pin(token({ protectedAuthenticationPath: true }))?.message).toContain('bàn phím của thiết bị');
  });

  it('fails a certificate that is not yet valid', () => {
    const result = preflightChecks(token({}, { notBefore: '2027-01-01T00:00:00Z' }), '01', undefined, now);
    expect(result.checks.find((c) => c.name === 'validity')).toMatchObject({
      status: 'fail',
      code: 'CERT_NOT_YET_VALID',
    });
  });
});

describe('certificate identifiers and role guess', () => {
  it('names the UID kinds Vietnamese CAs use', () => {
    expect(parseIdentifier('CMND:012345678')).toEqual({
      kind: 'CMND',
      name: 'Chứng minh nhân dân',
      value: '012345678',
    });
    expect(parseIdentifier('cccd: 001088012345')).toMatchObject({ kind: 'CCCD', value: '001088012345' });
    expect(parseIdentifier('MST:0101234567-001')).toMatchObject({ kind: 'MST', name: 'Mã số thuế' });
    expect(parseIdentifier('HC:B1234567')).toMatchObject({ kind: 'HC', name: 'Hộ chiếu' });
    expect(parseIdentifier('12345')).toMatchObject({ kind: 'KHAC', value: '12345' });
  });

  it('guesses personal for CMND/CCCD/HC, organization for MST or CN equal to O', () => {
    expect(guessRole([parseIdentifier('CCCD:1')], 'Trần Thị Bình')).toBe('personal');
    expect(guessRole([parseIdentifier('MST:1')], 'UBND TỈNH X', 'UBND TỈNH X')).toBe('organization');
    expect(guessRole([], 'SỞ NỘI VỤ', 'SỞ NỘI VỤ')).toBe('organization');
    expect(guessRole([], 'Lê Văn C', 'SỞ NỘI VỤ')).toBe('personal');
  });
});
