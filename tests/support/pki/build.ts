import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import { webcrypto } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as x509 from '@peculiar/x509';
import { pkiDeclaration, type CertDecl, type CertId, type KeySpec, type TokenLabel } from './declaration.ts';

x509.cryptoProvider.set(webcrypto as never);
const subtle = webcrypto.subtle;

export const SOFTHSM_MODULE = '/usr/lib/softhsm/libsofthsm2.so';
export const P12_PASSWORD = 'test';

export interface CertMaterial {
  readonly id: CertId;
  readonly keyPem: string;
  readonly certPem: string;
  readonly certDer: string;
  readonly p12: string;
  readonly key: KeySpec;
  readonly commonName: string;
  readonly token?: { readonly label: TokenLabel; readonly keyIdHex: string };
}

export interface PkiMaterial {
  readonly dir: string;
  readonly rootPem: string;
  readonly subPem: string;
  /** sub CA then root, PEM, for chains in CMS and for openssl -CAfile. */
  readonly chainPem: string;
  readonly nssDir: string;
  readonly certs: Readonly<Record<CertId, CertMaterial>>;
  readonly softhsm: {
    readonly conf: string;
    readonly module: string;
    readonly tokens: ReadonlyArray<{ readonly label: TokenLabel; readonly pin: string; readonly soPin: string }>;
  };
}

const DAY = 86_400_000;
const UID_OID = '0.9.2342.19200300.100.1.1';
const NAME_OIDS: Record<string, string> = {
  C: '2.5.4.6',
  ST: '2.5.4.8',
  L: '2.5.4.7',
  O: '2.5.4.10',
  OU: '2.5.4.11',
  CN: '2.5.4.3',
  UID: UID_OID,
};

function name(subject: ReadonlyArray<readonly [string, string]>): x509.Name {
  return new x509.Name(subject.map(([k, v]) => ({ [NAME_OIDS[k] ?? k]: [v] })));
}

const rsa = {
  name: 'RSASSA-PKCS1-v1_5',
  hash: 'SHA-256',
  publicExponent: new Uint8Array([1, 0, 1]),
  modulusLength: 2048,
};
const ec = { name: 'ECDSA', namedCurve: 'P-256' };

async function keyPair(spec: KeySpec): Promise<webcrypto.CryptoKeyPair> {
  return (await subtle.generateKey(spec === 'rsa2048' ? rsa : ec, true, ['sign', 'verify'])) as webcrypto.CryptoKeyPair;
}

function window(validity: CertDecl['validity'], now: number): { notBefore: Date; notAfter: Date } {
  switch (validity) {
    case 'expired':
      return { notBefore: new Date(now - 800 * DAY), notAfter: new Date(now - 30 * DAY) };
    case 'expiring-soon':
      return { notBefore: new Date(now - 300 * DAY), notAfter: new Date(now + 10 * DAY) };
    case 'current':
      return { notBefore: new Date(now - DAY), notAfter: new Date(now + 3 * 365 * DAY) };
  }
}

function pem(label: string, der: ArrayBuffer): string {
  const b64 = Buffer.from(der).toString('base64').replace(/.{64}/g, '$&\n');
  return `-----BEGIN ${label}-----\n${b64.replace(/\n$/, '')}\n-----END ${label}-----\n`;
}

function run(cmd: string, args: readonly string[], env: NodeJS.ProcessEnv = process.env): void {
  execFileSync(cmd, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
}

/**
 * Build the declared PKI, an NSS database trusting its root, and SoftHSM2 tokens holding its keys.
 * Every validity window is placed around `anchor`, the run's "now" (support/clock).
 */
export async function buildPki(dir: string, anchor: Date): Promise<PkiMaterial> {
  mkdirSync(dir, { recursive: true });
  const now = anchor.getTime();
  const caUsage = x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign;

  const rootKeys = await keyPair('rsa2048');
  const root = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: '01',
    name: name(pkiDeclaration.root.subject),
    notBefore: new Date(now - 2000 * DAY),
    notAfter: new Date(now + 3650 * DAY),
    keys: rootKeys,
    signingAlgorithm: rsa,
    extensions: [
      new x509.BasicConstraintsExtension(true, undefined, true),
      new x509.KeyUsagesExtension(caUsage, true),
      await x509.SubjectKeyIdentifierExtension.create(rootKeys.publicKey),
    ],
  });
  const subKeys = await keyPair('rsa2048');
  const sub = await x509.X509CertificateGenerator.create({
    serialNumber: '02',
    subject: name(pkiDeclaration.sub.subject),
    issuer: root.subjectName,
    notBefore: new Date(now - 1500 * DAY),
    notAfter: new Date(now + 3000 * DAY),
    publicKey: subKeys.publicKey,
    signingKey: rootKeys.privateKey,
    signingAlgorithm: rsa,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(caUsage, true),
      await x509.SubjectKeyIdentifierExtension.create(subKeys.publicKey),
      await x509.AuthorityKeyIdentifierExtension.create(root, false),
    ],
  });

  const rootPem = join(dir, 'root.pem');
  const subPem = join(dir, 'sub.pem');
  const chainPem = join(dir, 'chain.pem');
  writeFileSync(rootPem, root.toString('pem') + '\n');
  writeFileSync(subPem, sub.toString('pem') + '\n');
  writeFileSync(chainPem, `${sub.toString('pem')}\n${root.toString('pem')}\n`);
  // The sub CA's key, so tests can issue CRLs and OCSP answers for its certificates (verify, #6).
  writeFileSync(join(dir, 'sub.key.pem'), pem('PRIVATE KEY', await subtle.exportKey('pkcs8', subKeys.privateKey)));

  const certs: Partial<Record<CertId, CertMaterial>> = {};
  let serial = 16;
  for (const decl of pkiDeclaration.certificates as readonly CertDecl[]) {
    const keys = await keyPair(decl.key);
    const usage = decl.keyUsage.reduce((acc, u) => acc | x509.KeyUsageFlags[u], 0);
    const cert = await x509.X509CertificateGenerator.create({
      serialNumber: (serial++).toString(16).padStart(4, '0'),
      subject: name(decl.subject),
      issuer: sub.subjectName,
      ...window(decl.validity, now),
      publicKey: keys.publicKey,
      signingKey: subKeys.privateKey,
      signingAlgorithm: rsa,
      extensions: [
        new x509.BasicConstraintsExtension(false, undefined, true),
        new x509.KeyUsagesExtension(usage, true),
        new x509.ExtendedKeyUsageExtension([...decl.extKeyUsage], decl.id === 'tsa'),
        await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
        await x509.AuthorityKeyIdentifierExtension.create(sub, false),
      ],
    });
    const base = join(dir, decl.id);
    writeFileSync(`${base}.key.pem`, pem('PRIVATE KEY', await subtle.exportKey('pkcs8', keys.privateKey)));
    writeFileSync(`${base}.cert.pem`, cert.toString('pem') + '\n');
    writeFileSync(`${base}.cert.der`, Buffer.from(cert.rawData));
    run('openssl', [
      'pkcs12',
      '-export',
      '-inkey',
      `${base}.key.pem`,
      '-in',
      `${base}.cert.pem`,
      '-certfile',
      chainPem,
      '-passout',
      `pass:${P12_PASSWORD}`,
      '-name',
      decl.id,
      '-out',
      `${base}.p12`,
    ]);
    const commonName = decl.subject.find(([k]) => k === 'CN')?.[1] ?? decl.id;
    certs[decl.id as CertId] = {
      id: decl.id as CertId,
      keyPem: `${base}.key.pem`,
      certPem: `${base}.cert.pem`,
      certDer: `${base}.cert.der`,
      p12: `${base}.p12`,
      key: decl.key,
      commonName,
    };
  }

  const nssDir = join(dir, 'nssdb');
  mkdirSync(nssDir, { recursive: true });
  run('certutil', ['-N', '--empty-password', '-d', `sql:${nssDir}`]);
  run('certutil', ['-A', '-n', 'vanthu-test-root', '-t', 'CT,C,C', '-i', rootPem, '-d', `sql:${nssDir}`]);
  run('certutil', ['-A', '-n', 'vanthu-test-sub', '-t', ',,', '-i', subPem, '-d', `sql:${nssDir}`]);

  const tokensDir = join(dir, 'softhsm-tokens');
  mkdirSync(tokensDir, { recursive: true });
  const conf = join(dir, 'softhsm2.conf');
  writeFileSync(conf, `directories.tokendir = ${tokensDir}\nobjectstore.backend = file\nlog.level = ERROR\n`);
  const env = { ...process.env, SOFTHSM2_CONF: conf };
  for (const token of pkiDeclaration.tokens) {
    run(
      'softhsm2-util',
      ['--init-token', '--free', '--label', token.label, '--so-pin', token.soPin, '--pin', token.pin],
      env,
    );
    token.keys.forEach((id, index) => {
      const keyIdHex = (index + 1).toString(16).padStart(2, '0');
      const material = certs[id as CertId];
      if (material === undefined) {
        throw new Error(`token ${token.label} names unknown certificate ${id}`);
      }
      run(
        'softhsm2-util',
        ['--import', material.keyPem, '--token', token.label, '--id', keyIdHex, '--label', id, '--pin', token.pin],
        env,
      );
      run(
        'pkcs11-tool',
        [
          '--module',
          SOFTHSM_MODULE,
          '--token-label',
          token.label,
          '--login',
          '--pin',
          token.pin,
          '--write-object',
          material.certDer,
          '--type',
          'cert',
          '--id',
          keyIdHex,
          '--label',
          id,
        ],
        env,
      );
      certs[id as CertId] = { ...material, token: { label: token.label, keyIdHex } };
    });
  }

  const material: PkiMaterial = {
    dir,
    rootPem,
    subPem,
    chainPem,
    nssDir,
    certs: certs as Record<CertId, CertMaterial>,
    softhsm: {
      conf,
      module: SOFTHSM_MODULE,
      tokens: pkiDeclaration.tokens.map(({ label, pin, soPin }) => ({ label, pin, soPin })),
    },
  };
  writeFileSync(join(dir, 'pki.json'), JSON.stringify(material, null, 2));
  return material;
}
