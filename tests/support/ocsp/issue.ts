import 'reflect-metadata';
import { webcrypto } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as x509 from '@peculiar/x509';
import type { PkiMaterial } from '../pki/build.ts';
import { msFromNow } from '../clock/clock.ts';

x509.cryptoProvider.set(webcrypto as never);
const subtle = webcrypto.subtle;
const rsa = {
  name: 'RSASSA-PKCS1-v1_5',
  hash: 'SHA-256',
  publicExponent: new Uint8Array([1, 0, 1]),
  modulusLength: 2048,
};
const DAY = 86_400_000;

export interface IssuedCert {
  readonly keyPem: string;
  readonly certPem: string;
  readonly serialHex: string;
  readonly subject: string;
}

function pem(label: string, der: ArrayBuffer): string {
  const b64 = Buffer.from(der).toString('base64').replace(/.{64}/g, '$&\n');
  return `-----BEGIN ${label}-----\n${b64.replace(/\n$/, '')}\n-----END ${label}-----\n`;
}

export async function subCaKey(pki: PkiMaterial): Promise<webcrypto.CryptoKey> {
  const body = readFileSync(join(pki.dir, 'sub.key.pem'), 'utf8').replace(/-----[^-]+-----|\s/g, '');
  return subtle.importKey('pkcs8', Buffer.from(body, 'base64'), rsa, false, ['sign']);
}

/**
 * A signing certificate from the test PKI's sub CA that points at loopback revocation services:
 * an OCSP responder (AIA) and/or a CRL (CDP). Issued per test run because the ports are.
 */
export async function issueWithRevocation(
  pki: PkiMaterial,
  dir: string,
  id: string,
  serialHex: string,
  urls: { readonly ocsp?: string; readonly crl?: string },
  /** Defaults to valid from yesterday for a year; an expired window models a certificate that has since expired. */
  validity: { readonly notBefore: Date; readonly notAfter: Date } = {
    notBefore: msFromNow(-DAY),
    notAfter: msFromNow(365 * DAY),
  },
): Promise<IssuedCert> {
  const sub = new x509.X509Certificate(readFileSync(pki.subPem));
  const keys = (await subtle.generateKey(rsa, true, ['sign', 'verify'])) as webcrypto.CryptoKeyPair;
  const extensions: x509.Extension[] = [
    new x509.BasicConstraintsExtension(false, undefined, true),
    new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.nonRepudiation, true),
    await x509.AuthorityKeyIdentifierExtension.create(sub, false),
  ];
  if (urls.ocsp !== undefined) {
    extensions.push(new x509.AuthorityInfoAccessExtension({ ocsp: [urls.ocsp] }));
  }
  if (urls.crl !== undefined) {
    extensions.push(new x509.CRLDistributionPointsExtension([urls.crl]));
  }
  const subject = `C=VN, CN=Kiểm Thử Thu Hồi ${id}`;
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: serialHex,
    subject,
    issuer: sub.subjectName,
    ...validity,
    publicKey: keys.publicKey,
    signingKey: await subCaKey(pki),
    signingAlgorithm: rsa,
    extensions,
  });
  const keyPem = join(dir, `${id}.key.pem`);
  const certPem = join(dir, `${id}.cert.pem`);
  writeFileSync(keyPem, pem('PRIVATE KEY', await subtle.exportKey('pkcs8', keys.privateKey)));
  writeFileSync(certPem, `${cert.toString('pem')}\n`);
  return { keyPem, certPem, serialHex, subject };
}

/** A CRL from the sub CA listing `revoked` serials, valid for a day. */
export async function subCaCrl(pki: PkiMaterial, revoked: readonly string[]): Promise<Uint8Array> {
  const sub = new x509.X509Certificate(readFileSync(pki.subPem));
  const crl = await x509.X509CrlGenerator.create({
    issuer: sub.subjectName,
    thisUpdate: msFromNow(-60_000),
    nextUpdate: msFromNow(DAY),
    entries: revoked.map((serialNumber) => ({ serialNumber, revocationDate: msFromNow(-3_600_000) })),
    signingKey: await subCaKey(pki),
    signingAlgorithm: rsa,
  });
  return new Uint8Array(crl.rawData);
}

export interface CaHierarchy {
  readonly rootPem: string;
  /** The intermediate then the root, as a signer carries them. */
  readonly chainPem: string;
  readonly sub: { readonly serialHex: string; readonly certPem: string };
  readonly signer: IssuedCert;
  /** A CRL signed by the root (about the intermediate) or by the intermediate (about the signer). */
  crl(by: 'root' | 'sub', revoked: readonly string[]): Promise<Uint8Array>;
}

/**
 * A separate three-level hierarchy whose intermediate CA points at a CRL the root publishes, so
 * a test can revoke the intermediate itself. The shared test PKI keeps no root key, hence its own.
 */
export async function issueCaHierarchy(
  dir: string,
  urls: { readonly rootCrl: string; readonly subCrl: string },
): Promise<CaHierarchy> {
  const gen = async () => (await subtle.generateKey(rsa, true, ['sign', 'verify'])) as webcrypto.CryptoKeyPair;
  const [rootKeys, subKeys, signerKeys] = [await gen(), await gen(), await gen()];
  const validity = { notBefore: msFromNow(-DAY), notAfter: msFromNow(365 * DAY) };
  const caUsage = x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign;
  const root = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: '01',
    name: 'C=VN, O=Vanthu Path Test, CN=Vanthu Path Test Root',
    keys: rootKeys,
    signingAlgorithm: rsa,
    ...validity,
    extensions: [
      new x509.BasicConstraintsExtension(true, undefined, true),
      new x509.KeyUsagesExtension(caUsage, true),
      await x509.SubjectKeyIdentifierExtension.create(rootKeys.publicKey),
    ],
  });
  const subSerial = '5a01';
  const sub = await x509.X509CertificateGenerator.create({
    serialNumber: subSerial,
    subject: 'C=VN, O=Vanthu Path Test, CN=Vanthu Path Test Sub CA',
    issuer: root.subjectName,
    publicKey: subKeys.publicKey,
    signingKey: rootKeys.privateKey,
    signingAlgorithm: rsa,
    ...validity,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(caUsage, true),
      await x509.SubjectKeyIdentifierExtension.create(subKeys.publicKey),
      await x509.AuthorityKeyIdentifierExtension.create(root, false),
      new x509.CRLDistributionPointsExtension([urls.rootCrl]),
    ],
  });
  const signerSerial = '5a02';
  const subject = 'C=VN, CN=Kiểm Thử Chuỗi Thu Hồi';
  const signer = await x509.X509CertificateGenerator.create({
    serialNumber: signerSerial,
    subject,
    issuer: sub.subjectName,
    publicKey: signerKeys.publicKey,
    signingKey: subKeys.privateKey,
    signingAlgorithm: rsa,
    ...validity,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.nonRepudiation, true),
      await x509.AuthorityKeyIdentifierExtension.create(sub, false),
      new x509.CRLDistributionPointsExtension([urls.subCrl]),
    ],
  });
  const write = (name: string, text: string) => {
    writeFileSync(join(dir, name), text);
    return join(dir, name);
  };
  const keyPem = write(
    'path-signer.key.pem',
    pem('PRIVATE KEY', await subtle.exportKey('pkcs8', signerKeys.privateKey)),
  );
  return {
    rootPem: write('path-root.pem', `${root.toString('pem')}\n`),
    chainPem: write('path-chain.pem', `${sub.toString('pem')}\n${root.toString('pem')}\n`),
    sub: { serialHex: subSerial, certPem: write('path-sub.pem', `${sub.toString('pem')}\n`) },
    signer: {
      keyPem,
      certPem: write('path-signer.cert.pem', `${signer.toString('pem')}\n`),
      serialHex: signerSerial,
      subject,
    },
    async crl(by, revoked) {
      const issuer = by === 'root' ? root : sub;
      const crl = await x509.X509CrlGenerator.create({
        issuer: issuer.subjectName,
        thisUpdate: msFromNow(-60_000),
        nextUpdate: msFromNow(DAY),
        entries: revoked.map((serialNumber) => ({ serialNumber, revocationDate: msFromNow(-3_600_000) })),
        signingKey: by === 'root' ? rootKeys.privateKey : subKeys.privateKey,
        signingAlgorithm: rsa,
      });
      return new Uint8Array(crl.rawData);
    },
  };
}
