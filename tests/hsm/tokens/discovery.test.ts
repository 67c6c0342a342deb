import { describe, expect, it } from 'vitest';
import { openTokenSigner } from '../../../main/services/tokens/open-signer.ts';
import { createTokenService } from '../../../main/services/tokens/token-service.ts';
import { silentLogger } from '../../../main/services/log/logger.ts';
import { usePki } from '../../support/pki/use-pki.ts';

const pki = usePki();
const service = createTokenService({ log: silentLogger, userModulePaths: () => [] });

function keyId(id: string): string {
  const hex = pki.certs[id]?.token?.keyIdHex;
  if (hex === undefined) {
    throw new Error(`${id} is not on a token`);
  }
  return hex;
}

describe('token discovery on SoftHSM2', () => {
  it('lists both tokens with flags and parsed Vietnamese certificates, without a PIN', async () => {
    const list = await service.list([pki.softhsm.module]);
    expect(list.modules).toEqual([expect.objectContaining({ path: pki.softhsm.module, ok: true, vendor: 'SoftHSM2' })]);
    const labels = list.tokens.map((t) => t.label).sort();
    expect(labels).toEqual(['VanthuCoQuan', 'VanthuLanhDao']);

    const lanhDao = list.tokens.find((t) => t.label === 'VanthuLanhDao');
    expect(lanhDao?.serial).toMatch(/^[0-9a-f]{16}$/);
    expect(lanhDao?.flags).toMatchObject({ loginRequired: true, userPinInitialized: true, userPinLocked: false });
    expect(lanhDao?.certificates.map((c) => c.keyIdHex)).toEqual(['01', '02', '03', '04', '05']);

    const person = lanhDao?.certificates.find((c) => c.keyIdHex === keyId('person'));
    expect(person).toMatchObject({
      commonName: 'Nguyễn Văn A',
      identifiers: [{ kind: 'CMND', name: 'Chứng minh nhân dân', value: '012345678' }],
      issuerCommonName: 'Vanthu Test Sub CA',
      keyUsage: ['digitalSignature', 'nonRepudiation'],
      extKeyUsage: ['1.3.6.1.5.5.7.3.4', '1.3.6.1.4.1.311.10.3.12'],
      keyAlgorithm: 'rsa',
      keyObjectFound: true,
      roleGuess: 'personal',
    });
    expect(person?.subject).toContain('UID=CMND:012345678');
    expect(person?.subject).toContain('L=Thành phố Y');

    const ec = lanhDao?.certificates.find((c) => c.keyIdHex === keyId('person-ec'));
    expect(ec).toMatchObject({ keyAlgorithm: 'ec', identifiers: [{ kind: 'CCCD', value: '001088012345' }] });

    const org = list.tokens.find((t) => t.label === 'VanthuCoQuan')?.certificates[0];
    expect(org).toMatchObject({
      commonName: 'ỦY BAN NHÂN DÂN TỈNH X',
      organization: 'ỦY BAN NHÂN DÂN TỈNH X',
      identifiers: [{ kind: 'MST', name: 'Mã số thuế', value: '0101234567' }],
      roleGuess: 'organization',
    });
  });

  it('opens a signer by serial alone', async () => {
    const list = await service.list([pki.softhsm.module]);
    const serial = list.tokens.find((t) => t.label === 'VanthuCoQuan')?.serial ?? '';
    const { signer, close } = await openTokenSigner({
      modulePath: pki.softhsm.module,
      token: { serial },
      keyIdHex: keyId('org'),
      pin: '654321',
    });
    expect(signer.certificate.length).toBeGreaterThan(0);
    await close();
  });
});

describe('pre-flight on SoftHSM2 (no PIN)', () => {
  const check = (id: string, role?: 'personal' | 'organization') => {
    const label = pki.certs[id]?.token?.label ?? '';
    return service.preflight({
      modulePath: pki.softhsm.module,
      token: { label },
      keyIdHex: keyId(id),
      ...(role === undefined ? {} : { role }),
    });
  };
  const statusOf = (result: Awaited<ReturnType<typeof check>>, name: string) =>
    result.checks.find((c) => c.name === name);

  it('passes for a current signing certificate of the right role', async () => {
    const result = await check('person', 'personal');
    expect(result.ok).toBe(true);
    expect(result.checks.every((c) => c.status === 'ok')).toBe(true);
    expect(result.certificate?.commonName).toBe('Nguyễn Văn A');
  });

  it('fails an expired certificate with CERT_EXPIRED', async () => {
    const result = await check('expired');
    expect(result.ok).toBe(false);
    expect(statusOf(result, 'validity')).toMatchObject({ status: 'fail', code: 'CERT_EXPIRED' });
  });

  it('warns about a certificate expiring within 30 days but lets it sign', async () => {
    const result = await check('expiring');
    expect(result.ok).toBe(true);
    expect(statusOf(result, 'expiry')).toMatchObject({ status: 'warn', code: 'CERT_EXPIRED' });
    expect(statusOf(result, 'expiry')?.message).toMatch(/sẽ hết hạn sau \d+ ngày/);
  });

  it('fails a certificate whose key usage does not allow signing', async () => {
    const result = await check('wrong-usage');
    expect(result.ok).toBe(false);
    expect(statusOf(result, 'key-usage')).toMatchObject({ status: 'fail', code: 'CERT_KEY_USAGE' });
  });

  it('warns when the role does not match the step', async () => {
    const result = await check('org', 'personal');
    expect(statusOf(result, 'role')).toMatchObject({ status: 'warn', code: 'CERT_ROLE_MISMATCH' });
    expect((await check('person', 'organization')).checks.find((c) => c.name === 'role')?.status).toBe('warn');
  });

  it('reports an absent token and an unknown key id as failed checks', async () => {
    const absent = await service.preflight({
      modulePath: pki.softhsm.module,
      token: { label: 'KhongCo' },
      keyIdHex: '01',
    });
    expect(absent).toMatchObject({ ok: false, checks: [{ name: 'token', status: 'fail', code: 'TOKEN_ABSENT' }] });
    const unknown = await service.preflight({
      modulePath: pki.softhsm.module,
      token: { label: 'VanthuCoQuan' },
      keyIdHex: 'ee',
    });
    expect(statusOf(unknown, 'certificate')).toMatchObject({ status: 'fail', code: 'KEY_NOT_FOUND' });
  });
});
