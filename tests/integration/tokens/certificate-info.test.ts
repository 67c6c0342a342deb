import 'reflect-metadata';
import { createHash, X509Certificate, webcrypto } from 'node:crypto';
import { readFileSync } from 'node:fs';
import * as x509 from '@peculiar/x509';
import { describe, expect, it } from 'vitest';
import { certificateInfo, guessRole, parseIdentifier } from '../../../main/services/tokens/certificate-info.ts';
import type { CertificateInfo } from '../../../preload/contract/tokens.ts';
import { usePki } from '../../support/pki/use-pki.ts';

/**
 * The token list's certificate description, read with the verifier's DER reader since issue #14,
 * against @peculiar/x509 (which it used before): the same subject, issuer, serial, dates, usages,
 * key type and role guess for every certificate of the test PKI and for awkward ones built here,
 * so the pre-flight check decides as before.
 */
const pki = usePki();
const UID = '0.9.2342.19200300.100.1.1';
const KEY_USAGE_BITS: ReadonlyArray<readonly [number, string]> = [
  [x509.KeyUsageFlags.digitalSignature, 'digitalSignature'],
  [x509.KeyUsageFlags.nonRepudiation, 'nonRepudiation'],
  [x509.KeyUsageFlags.keyEncipherment, 'keyEncipherment'],
  [x509.KeyUsageFlags.dataEncipherment, 'dataEncipherment'],
  [x509.KeyUsageFlags.keyAgreement, 'keyAgreement'],
  [x509.KeyUsageFlags.keyCertSign, 'keyCertSign'],
  [x509.KeyUsageFlags.cRLSign, 'cRLSign'],
];

function theirs(der: Uint8Array): CertificateInfo {
  const cert = new x509.X509Certificate(der);
  const identifiers = cert.subjectName.getField(UID).map(parseIdentifier);
  const commonName = cert.subjectName.getField('CN')[0] ?? '';
  const organization = cert.subjectName.getField('O')[0];
  const usage = cert.getExtension(x509.KeyUsagesExtension)?.usages ?? 0;
  const algorithmName = cert.publicKey.algorithm.name;
  return {
    keyIdHex: '01',
    subject: cert.subject.replaceAll(`${UID}=`, 'UID='),
    commonName,
    ...(organization === undefined ? {} : { organization }),
    issuer: cert.issuer.replaceAll(`${UID}=`, 'UID='),
    issuerCommonName: cert.issuerName.getField('CN')[0] ?? '',
    serialNumber: cert.serialNumber,
    identifiers,
    notBefore: cert.notBefore.toISOString(),
    notAfter: cert.notAfter.toISOString(),
    keyUsage: KEY_USAGE_BITS.filter(([flag]) => (usage & flag) !== 0).map(([, n]) => n),
    extKeyUsage: (cert.getExtension(x509.ExtendedKeyUsageExtension)?.usages ?? []).map(String),
    keyAlgorithm:
      algorithmName === 'RSASSA-PKCS1-v1_5' || algorithmName === 'RSA-PSS'
        ? 'rsa'
        : algorithmName === 'ECDSA'
          ? 'ec'
          : 'other',
    keyObjectFound: true,
    roleGuess: guessRole(identifiers, commonName, organization),
    roleOverridden: false,
    sha256Hex: createHash('sha256').update(der).digest('hex'),
  };
}

const EC = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' };
const RSA = {
  name: 'RSASSA-PKCS1-v1_5',
  modulusLength: 2048,
  publicExponent: new Uint8Array([1, 0, 1]),
  hash: 'SHA-256',
};

describe('certificateInfo reads what @peculiar/x509 read', () => {
  it('for every certificate of the test PKI', () => {
    const pems = [pki.rootPem, pki.subPem, ...Object.values(pki.certs).map((c) => c?.certPem ?? '')];
    let compared = 0;
    for (const path of pems.filter((p) => p !== '')) {
      const der = new Uint8Array(new X509Certificate(readFileSync(path)).raw);
      expect(certificateInfo(der, '01', true), path).toEqual(theirs(der));
      compared++;
    }
    expect(compared).toBeGreaterThan(5);
  });

  it('for UID identifiers, awkward names, every key usage bit, EKU, RSA and EC keys, high-bit serials and post-2049 dates', async () => {
    const ec = await webcrypto.subtle.generateKey(EC, true, ['sign', 'verify']);
    const rsa = await webcrypto.subtle.generateKey(RSA, true, ['sign', 'verify']);
    const cases: ReadonlyArray<{ name: x509.JsonName; usage: number; serial: string; notAfter: string; rsa: boolean }> =
      [
        {
          name: [{ CN: ['Nguyễn Văn A'], [UID]: ['CCCD:001099000123'] }, { O: ['Sở Nội vụ'] }, { C: ['VN'] }],
          usage: x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.nonRepudiation,
          serial: '80aa',
          notAfter: '2027-01-01T00:00:00Z',
          rsa: true,
        },
        {
          name: [{ CN: ['Sở Nội vụ'] }, { O: ['Sở Nội vụ'] }, { [UID]: ['MST: 0101234567'] }],
          usage: x509.KeyUsageFlags.keyEncipherment | x509.KeyUsageFlags.dataEncipherment,
          serial: '7f',
          notAfter: '2051-06-30T12:34:56Z',
          rsa: false,
        },
        {
          name: [{ CN: ['Trần, Thị B'], [UID]: ['HC=B123'] }, { O: ['"Demo"; <x>'] }, { OU: ['a+b'] }],
          usage: x509.KeyUsageFlags.keyAgreement | x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign,
          serial: '00ff01',
          notAfter: '2030-02-28T23:59:59Z',
          rsa: false,
        },
        {
          name: [{ E: ['vanthu@example.vn'] }, { CN: [' leading space '] }, { [UID]: ['không rõ'] }, { DC: ['vn'] }],
          usage: 0,
          serial: '01',
          notAfter: '2027-01-01T00:00:00Z',
          rsa: true,
        },
      ];
    for (const c of cases) {
      const keys = c.rsa ? rsa : ec;
      const made = await x509.X509CertificateGenerator.createSelfSigned({
        serialNumber: c.serial,
        name: c.name,
        // fixed-date: these dates are only read back and compared, never checked against a clock.
        notBefore: new Date('2026-01-01T00:00:00Z'),
        notAfter: new Date(c.notAfter),
        keys,
        signingAlgorithm: c.rsa ? RSA : EC,
        extensions: [
          ...(c.usage === 0 ? [] : [new x509.KeyUsagesExtension(c.usage, true)]),
          new x509.ExtendedKeyUsageExtension(['1.3.6.1.5.5.7.3.4', '1.3.6.1.4.1.311.10.3.12']),
        ],
      });
      const der = new Uint8Array(made.rawData);
      const ours = certificateInfo(der, '01', true);
      expect(ours, JSON.stringify(c.name)).toEqual(theirs(der));
      expect(ours.notAfter).toBe(new Date(c.notAfter).toISOString());
    }
  });

  it('throws on bytes that are not a certificate, so discovery leaves them out', () => {
    expect(() => certificateInfo(Uint8Array.from([0x30, 0x03, 0x02, 0x01, 0x01]), '01', true)).toThrow();
  });
});
