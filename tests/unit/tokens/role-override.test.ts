import { describe, expect, it } from 'vitest';
import { SettingsSchema } from '../../../preload/contract/settings.ts';
import type { CertificateInfo, TokenSummary } from '../../../preload/contract/tokens.ts';
import { applyRoleOverrides, withRoleOverride } from '../../../main/services/tokens/role-override.ts';
import { preflightChecks } from '../../../main/services/tokens/preflight.ts';

const SHA_A = 'a1'.repeat(32);
const SHA_B = 'b2'.repeat(32);

function certificate(sha256Hex: string, keyIdHex: string): CertificateInfo {
  return {
    keyIdHex,
    subject: 'CN=Văn phòng UBND tỉnh',
    commonName: 'Văn phòng UBND tỉnh',
    issuer: 'CN=CA',
    issuerCommonName: 'CA',
    serialNumber: '1',
    identifiers: [],
    notBefore: '2026-01-01T00:00:00Z',
    notAfter: '2028-01-01T00:00:00Z',
    keyUsage: ['digitalSignature'],
    extKeyUsage: [],
    keyAlgorithm: 'rsa',
    keyObjectFound: true,
    // No MST and CN ≠ O: the guess says personal although this is the office's seal certificate.
    roleGuess: 'personal',
    roleOverridden: false,
    sha256Hex,
  };
}

const token: TokenSummary = {
  modulePath: 'x.so',
  slotDescription: '',
  label: 'VanPhong',
  serial: '9',
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
  certificates: [certificate(SHA_A, '01'), certificate(SHA_B, '02')],
};

describe('role overrides', () => {
  it('replace the guess only for the certificate they name, and say so', () => {
    const applied = applyRoleOverrides(token, { [SHA_A]: 'organization' });
    expect(applied.certificates.map((c) => [c.roleGuess, c.roleOverridden])).toEqual([
      ['organization', true],
      ['personal', false],
    ]);
  });

  it('turn the pre-flight role warning into a pass', () => {
    const now = new Date('2026-11-22T00:00:00Z');
    const before = preflightChecks(token, '01', 'organization', now).checks.find((c) => c.name === 'role');
    expect(before).toMatchObject({ status: 'warn', code: 'CERT_ROLE_MISMATCH' });
    const overridden = applyRoleOverrides(token, { [SHA_A]: 'organization' });
    const after = preflightChecks(overridden, '01', 'organization', now).checks.find((c) => c.name === 'role');
    expect(after).toMatchObject({ status: 'ok' });
  });

  it('are set and dropped by certificate hash (upper-case hex accepted)', () => {
    const set = withRoleOverride({}, SHA_A.toUpperCase(), 'organization');
    expect(set).toEqual({ [SHA_A]: 'organization' });
    expect(withRoleOverride(set, SHA_A, null)).toEqual({});
  });

  it('default to none in settings, and settings refuse a key that is not a SHA-256', () => {
    expect(SettingsSchema.parse({}).tokens.roleOverrides).toEqual({});
    expect(SettingsSchema.parse({ tokens: { modulePaths: [] } }).tokens.roleOverrides).toEqual({});
    expect(SettingsSchema.safeParse({ tokens: { roleOverrides: { abc: 'personal' } } }).success).toBe(false);
  });
});
