import 'reflect-metadata';
import { X509Certificate, webcrypto } from 'node:crypto';
import { readFileSync } from 'node:fs';
import * as x509 from '@peculiar/x509';
import { describe, expect, it } from 'vitest';
import { certInfo } from '../../../main/services/pdf/verify/cert-info.ts';
import { usePki } from '../../support/pki/use-pki.ts';

/**
 * Our DER reading of certificates against @peculiar/x509 (a full X.509 library): the same
 * names, serial, usage and revocation pointers for every certificate of the test PKI and for
 * certificates with awkward names built here.
 */
const pki = usePki();

function theirs(cert: X509Certificate) {
  const parsed = new x509.X509Certificate(cert.raw);
  const subject = new x509.Name(parsed.subjectName.toArrayBuffer());
  const ku = parsed.getExtension(x509.KeyUsagesExtension);
  const aia = parsed.getExtension(x509.AuthorityInfoAccessExtension);
  const cdp = parsed.getExtension(x509.CRLDistributionPointsExtension);
  const signBits = x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.nonRepudiation;
  return {
    commonName: subject.getField('CN')[0] ?? '',
    organization: subject.getField('O')[0] ?? '',
    subject: parsed.subject,
    issuer: parsed.issuer,
    serialNumber: parsed.serialNumber,
    canSign: ku === null ? null : (ku.usages & signBits) !== 0,
    ocspUrls: (aia?.ocsp ?? []).filter((g) => g.type === 'url').map((g) => String(g.value)),
    crlUrls: (cdp?.distributionPoints ?? []).flatMap((p) =>
      (p.distributionPoint?.fullName ?? []).flatMap((g) =>
        g.uniformResourceIdentifier === undefined ? [] : [g.uniformResourceIdentifier],
      ),
    ),
  };
}

describe('certificate facts read from the DER', () => {
  it('match @peculiar/x509 for every certificate of the test PKI', () => {
    const pems = [pki.rootPem, pki.subPem, ...Object.values(pki.certs).map((c) => c?.certPem ?? '')];
    let compared = 0;
    for (const path of pems.filter((p) => p !== '')) {
      const cert = new X509Certificate(readFileSync(path));
      expect({ ...certInfo(cert) }, path).toEqual(theirs(cert));
      compared++;
    }
    expect(compared).toBeGreaterThan(5);
  });

  it('match for names with escapes, several values in one RDN, e-mail, unknown types and hex-given values', async () => {
    const alg = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' };
    const keys = await webcrypto.subtle.generateKey(alg, true, ['sign', 'verify']);
    const UID = '0.9.2342.19200300.100.1.1';
    const names: x509.JsonName[] = [
      [{ CN: ['Trần, Thị B'], [UID]: ['CCCD:0123'] }, { O: ['Sở "Nội vụ"; <Demo>'] }, { C: ['VN'] }],
      [{ E: ['vanthu@example.vn'] }, { CN: [' leading space, #hash '] }, { OU: ['Phòng+Ban\\A'] }, { L: ['Hà Nội'] }],
      [{ O: ['#0c03414243'] }, { '1.2.3.4': ['custom'] }, { DC: ['gov'] }, { DC: ['vn'] }],
    ];
    for (const name of names) {
      const made = await x509.X509CertificateGenerator.createSelfSigned({
        serialNumber: 'ff01',
        name,
        // fixed-date: only the names are compared; this certificate's validity is never checked.
        notBefore: new Date('2026-01-01'),
        notAfter: new Date('2027-01-01'),
        keys,
        signingAlgorithm: alg,
        extensions: [
          new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign),
          new x509.AuthorityInfoAccessExtension({ ocsp: [new x509.GeneralName('url', 'http://ocsp.example.vn')] }),
        ],
      });
      const cert = new X509Certificate(Buffer.from(made.rawData));
      expect({ ...certInfo(cert) }, JSON.stringify(name)).toEqual(theirs(cert));
    }
  });
});
